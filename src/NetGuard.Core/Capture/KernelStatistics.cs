namespace NetGuard.Core.Capture;

/// <summary>libpcap's counters (pcap_stats): packets the filter passed, dropped for lack of buffer, dropped by the interface.</summary>
public readonly record struct KernelStatistics(long Received, long Dropped, long InterfaceDropped);
