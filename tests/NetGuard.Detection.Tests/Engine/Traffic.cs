using NetGuard.Aggregation;
using NetGuard.Core.Detection;
using NetGuard.Core.Packets;

namespace NetGuard.Detection.Tests.Engine;

/// <summary>
/// Writes scenario traffic second by second through the real aggregator into the detection engine,
/// so the tests exercise the same path as replay. Seeded, so every run sees the same packets.
/// </summary>
internal sealed class Traffic
{
    public const long Epoch = 1_700_000_000L;
    private readonly TrafficAggregator _aggregator;
    private readonly List<(long Second, Action<Traffic, long> Write)> _sources = [];

    public Traffic(DetectionOptions? options = null, IJudgementSink? judgements = null)
    {
        Engine = new DetectionEngine(options ?? new DetectionOptions(), Alerts, judgements);
        _aggregator = new TrafficAggregator(new AggregationOptions(), Engine);
    }

    public RecordingAnomalySink Alerts { get; } = new();

    public DetectionEngine Engine { get; }

    public Random Random { get; } = new(7);

    /// <summary>Adds a source of packets active from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), in seconds.</summary>
    public Traffic During(long from, long to, Action<Traffic, long> write)
    {
        _sources.Add((from, (t, s) =>
        {
            if (s >= from && s < to)
            {
                write(t, s);
            }
        }));
        return this;
    }

    public Traffic Run(long seconds)
    {
        for (long s = 0; s < seconds; s++)
        {
            foreach (var (_, write) in _sources)
            {
                write(this, s);
            }
        }

        _aggregator.Complete();
        return this;
    }

    public void Tcp(long second, int offsetMicros, string src, ushort sport, string dst, ushort dport, TcpFlags flags, int length = 60) =>
        Add(new PacketRecord(Time(second, offsetMicros), Ip(src), Ip(dst), length, IpProtocol.Tcp, sport, dport, flags, PacketFlags.None, 0));

    public void Udp(long second, int offsetMicros, string src, ushort sport, string dst, ushort dport, int length = 100) =>
        Add(new PacketRecord(Time(second, offsetMicros), Ip(src), Ip(dst), length, IpProtocol.Udp, sport, dport, TcpFlags.None, PacketFlags.None, 0));

    public void Icmp(long second, int offsetMicros, string src, string dst, byte type = 8, int length = 84) =>
        Add(new PacketRecord(Time(second, offsetMicros), Ip(src), Ip(dst), length, IpProtocol.Icmp, 0, 0, TcpFlags.None, PacketFlags.None, type));

    public void Add(in PacketRecord packet) => _aggregator.Add(packet);

    public static NetAddress Ip(string text) => NetAddress.TryParse(text, out var a) ? a : throw new ArgumentException(text);

    /// <summary>Packets within a second are spread by their offset, but stay in order of writing within a second's source.</summary>
    private static long Time(long second, int offsetMicros) => ((Epoch + second) * 1_000_000) + Math.Clamp(offsetMicros, 0, 999_999);
}
