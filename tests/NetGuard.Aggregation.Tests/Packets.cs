using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tests;

/// <summary>Builds records directly: aggregation tests need no frames.</summary>
internal static class Packets
{
    public const long Base = 1_700_000_000L * 1_000_000;

    public static NetAddress Ip(string text) => NetAddress.TryParse(text, out var a) ? a : throw new ArgumentException(text);

    public static PacketRecord Tcp(double seconds, string src, ushort sport, string dst, ushort dport, TcpFlags flags, int length = 60) =>
        new(At(seconds), Ip(src), Ip(dst), length, IpProtocol.Tcp, sport, dport, flags, PacketFlags.None, 0);

    public static PacketRecord Udp(double seconds, string src, ushort sport, string dst, ushort dport, int length = 100) =>
        new(At(seconds), Ip(src), Ip(dst), length, IpProtocol.Udp, sport, dport, TcpFlags.None, PacketFlags.None, 0);

    public static PacketRecord Icmp(double seconds, string src, string dst, int length = 84) =>
        new(At(seconds), Ip(src), Ip(dst), length, IpProtocol.Icmp, 0, 0, TcpFlags.None, PacketFlags.None, 8);

    public static PacketRecord Fragment(double seconds, string src, string dst, bool later, int length = 1500) =>
        new(At(seconds), Ip(src), Ip(dst), length, IpProtocol.Udp, later ? (ushort)0 : (ushort)5000, later ? (ushort)0 : (ushort)53, TcpFlags.None, PacketFlags.Fragment | (later ? PacketFlags.LaterFragment : 0), 0);

    public static long At(double seconds) => Base + (long)Math.Round(seconds * 1_000_000);

    public static long Second(double seconds) => At(seconds) / 1_000_000;

    public static TrafficAggregator Aggregator(RecordingSink sink, Action<AggregationOptions>? configure = null)
    {
        var options = new AggregationOptions();
        configure?.Invoke(options);
        return new TrafficAggregator(options, sink);
    }
}
