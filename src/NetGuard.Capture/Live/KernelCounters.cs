using NetGuard.Core.Capture;

namespace NetGuard.Capture.Live;

/// <summary>
/// libpcap's counters are 32-bit and wrap on a busy link; this widens them to 64 bits by adding
/// the unsigned difference from the last reading.
/// </summary>
internal struct KernelCounters
{
    private LibPcap.PcapStat _last;
    private long _received;
    private long _dropped;
    private long _interfaceDropped;

    public void Update(LibPcap.PcapStat current)
    {
        Interlocked.Add(ref _received, unchecked(current.Received - _last.Received));
        Interlocked.Add(ref _dropped, unchecked(current.Dropped - _last.Dropped));
        Interlocked.Add(ref _interfaceDropped, unchecked(current.InterfaceDropped - _last.InterfaceDropped));
        _last = current;
    }

    public readonly KernelStatistics Snapshot() =>
        new(Volatile.Read(in _received), Volatile.Read(in _dropped), Volatile.Read(in _interfaceDropped));
}
