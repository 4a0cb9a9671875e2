using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGuard.Capture.Decoding;
using NetGuard.Core.Capture;
using NetGuard.Core.Packets;
using NetGuard.Core.Pipeline;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetGuard.Capture.Live;

/// <summary>
/// Captures on one interface: SharpPcap opens and configures the device, then a dedicated thread
/// drains the kernel ring with pcap_dispatch, decoding each frame straight from libpcap's buffer.
/// </summary>
public sealed unsafe partial class LiveCaptureSource : IPacketSource
{
    private const int ReadTimeoutMilliseconds = 100;
    private const long StatsIntervalMilliseconds = 1000;
    private readonly LibPcapLiveDevice _device;
    private readonly LinkType _linkType;
    private BatchWriter? _writer;
    private Exception? _callbackFault;
    private KernelCounters _kernel;

    private LiveCaptureSource(LibPcapLiveDevice device, LinkType linkType)
    {
        _device = device;
        _linkType = linkType;
        Name = device.Name;
    }

    public string Name { get; }

    public BackpressureMode Backpressure => BackpressureMode.Drop;

    public KernelStatistics KernelStatistics => _kernel.Snapshot();

    /// <summary>Opens <paramref name="interfaceName"/> with the options' buffer, snap length, filter and promiscuity.</summary>
    public static LiveCaptureSource Open(string interfaceName, CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var device = InterfaceCatalog.Find(interfaceName);
        try
        {
            device.Open(new DeviceConfiguration
            {
                Mode = options.Promiscuous ? DeviceModes.Promiscuous : DeviceModes.None,
                Snaplen = options.SnapLength,
                ReadTimeout = ReadTimeoutMilliseconds,
                BufferSize = options.BufferMiB << 20,
                Immediate = false,
            });
            if (!string.IsNullOrWhiteSpace(options.Filter))
            {
                device.Filter = options.Filter;
            }

            return new LiveCaptureSource(device, (LinkType)(int)device.LinkType);
        }
        catch (PcapException e)
        {
            device.Close();
            throw new CaptureException(Explain(interfaceName, e.Message), e);
        }
        catch (DllNotFoundException e)
        {
            throw new CaptureException("libpcap is not installed (Debian: apt-get install libpcap0.8; Windows: install Npcap).", e);
        }
    }

    public void Run(BatchWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        var self = GCHandle.Alloc(this);
        var pcap = _device.Handle.DangerousGetHandle();
        using var stop = cancellationToken.Register(static state => LibPcap.BreakLoop((nint)state!), pcap);
        try
        {
            var nextStats = Environment.TickCount64 + StatsIntervalMilliseconds;
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = DispatchOnce(pcap, GCHandle.ToIntPtr(self));
                writer.Flush();
                if (_callbackFault is not null)
                {
                    throw new CaptureException($"{Name}: capture stopped: {_callbackFault.Message}", _callbackFault);
                }

                if (result == -1)
                {
                    throw new CaptureException($"{Name}: capture failed: {LibPcap.LastError(pcap)}");
                }

                if (Environment.TickCount64 >= nextStats)
                {
                    ReadKernelStatistics(pcap);
                    nextStats = Environment.TickCount64 + StatsIntervalMilliseconds;
                }
            }
        }
        finally
        {
            ReadKernelStatistics(pcap);
            self.Free();
            _writer = null;
        }
    }

    /// <summary>
    /// Kept out of line: inlined struct copies around the native call leave AVX state dirty and slow
    /// libc down (.NET runtime issue 133784, measured in CAPTURE-FACTS).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int DispatchOnce(nint pcap, nint user) => LibPcap.Dispatch(pcap, -1, &OnPacket, user);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPacket(nint user, nint header, nint data)
    {
        var self = (LiveCaptureSource)GCHandle.FromIntPtr(user).Target!;
        try
        {
            var h = (byte*)header;
            long seconds;
            long micros;
            if (LibPcap.HeaderHasInt32Seconds)
            {
                seconds = *(int*)h;
                micros = *(int*)(h + 4);
            }
            else
            {
                seconds = *(long*)h;
                micros = *(int*)(h + 8);
            }

            var captured = *(uint*)(h + LibPcap.HeaderCapturedLengthOffset);
            var original = *(uint*)(h + LibPcap.HeaderCapturedLengthOffset + 4);
            var ts = (seconds * 1_000_000) + micros;
            var frame = new ReadOnlySpan<byte>((void*)data, (int)captured);
            var status = PacketDecoder.Decode(self._linkType, frame, ts, out var record);
            self._writer!.Add(status, record, ts, (int)Math.Max(original, captured));
        }
        catch (Exception e)
        {
            // An exception must never cross into native code: stop the loop and report it on the thread.
            self._callbackFault = e;
            LibPcap.BreakLoop(self._device.Handle.DangerousGetHandle());
        }
    }

    private void ReadKernelStatistics(nint pcap)
    {
        LibPcap.PcapStat stats;
        if (LibPcap.Stats(pcap, &stats) == 0)
        {
            _kernel.Update(stats);
        }
    }

    private static string Explain(string interfaceName, string message) =>
        message.Contains("permitted", StringComparison.OrdinalIgnoreCase) || message.Contains("permission", StringComparison.OrdinalIgnoreCase)
            ? $"{interfaceName}: no permission to capture ({message.Trim()}); run as root or grant CAP_NET_RAW and CAP_NET_ADMIN."
            : $"{interfaceName}: cannot capture: {message.Trim()}";

    public void Dispose() => _device.Close();
}
