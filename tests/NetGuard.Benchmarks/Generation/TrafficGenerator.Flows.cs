using System.Net;
using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;

namespace NetGuard.Benchmarks.Generation;

/// <summary>Hosts and new flows: who talks to whom, over what, for how long.</summary>
internal sealed partial class TrafficGenerator
{
    private static readonly byte[] PublicFirstOctets = [23, 31, 45, 52, 54, 104, 142, 151, 157, 185, 199, 203];
    private readonly IPAddress[] _clients4;
    private readonly IPAddress[] _clients6;
    private readonly IPAddress[] _servers4;
    private readonly IPAddress[] _servers6;
    private int _portCounter;

    private (IPAddress[] Clients4, IPAddress[] Clients6, IPAddress[] Servers4, IPAddress[] Servers6) MakeHosts()
    {
        var clients4 = new IPAddress[_mix.ClientHosts];
        var clients6 = new IPAddress[_mix.ClientHosts];
        for (var i = 0; i < clients4.Length; i++)
        {
            clients4[i] = new IPAddress([10, (byte)(20 + (i >> 16)), (byte)(i >> 8), (byte)(i + 1)]);
            var v6 = new byte[16];
            v6[0] = 0x20;
            v6[1] = 0x01;
            v6[2] = 0x0d;
            v6[3] = 0xb8;
            v6[5] = 0x10;
            v6[14] = (byte)(i >> 8);
            v6[15] = (byte)(i + 1);
            clients6[i] = new IPAddress(v6);
        }

        var servers4 = new IPAddress[_mix.ServerHosts];
        var servers6 = new IPAddress[_mix.ServerHosts];
        for (var i = 0; i < servers4.Length; i++)
        {
            servers4[i] = new IPAddress([PublicFirstOctets[_random.Next(PublicFirstOctets.Length)], (byte)_random.Next(256), (byte)_random.Next(256), (byte)_random.Next(1, 255)]);
            var v6 = new byte[16];
            v6[0] = 0x2a;
            v6[1] = 0x00;
            v6[2] = 0x14;
            v6[3] = 0x50;
            _random.NextBytes(v6.AsSpan(4, 4));
            _random.NextBytes(v6.AsSpan(12, 4));
            servers6[i] = new IPAddress(v6);
        }

        return (clients4, clients6, servers4, servers6);
    }

    /// <summary>Slot shares are packet shares: TCP 85%, UDP 13%, ICMP 2%.</summary>
    private FlowKind PickKind() => _random.NextDouble() switch
    {
        < 0.25 => FlowKind.TcpBulk,
        < 0.85 => FlowKind.TcpInteractive,
        < 0.88 => FlowKind.UdpSmall,
        < 0.98 => FlowKind.UdpStream,
        _ => FlowKind.Icmp,
    };

    private SyntheticFlow NewFlow(int slot, FlowKind kind)
    {
        Stats.FlowsStarted++;
        var ipv6 = _random.NextDouble() < _mix.IPv6Share;
        var vlan = _random.NextDouble() < _mix.VlanShare;
        var client = _random.Next(_mix.ClientHosts);
        var s = _random.NextDouble();
        var server = (int)(s * s * s * _mix.ServerHosts);
        var (protocol, serverPort, meanLength) = kind switch
        {
            FlowKind.TcpBulk => (IpProtocol.Tcp, Pick(443, 443, 443, 443, 443, 443, 443, 80, 80, 22), 3000),
            FlowKind.TcpInteractive => (IpProtocol.Tcp, Pick(443, 443, 443, 443, 443, 443, 80, 80, 8080, 993), 400),
            FlowKind.UdpSmall => (IpProtocol.Udp, Pick(53, 53, 53, 53, 53, 53, 53, 123, 123, 514), 40),
            FlowKind.UdpStream => (IpProtocol.Udp, Pick(443, 443, 443, 443, 443, 443, 443, 443, 3478, 5004), 1000),
            _ => (ipv6 ? IpProtocol.Icmpv6 : IpProtocol.Icmp, (ushort)0, 60),
        };

        var clientPort = protocol is IpProtocol.Tcp or IpProtocol.Udp ? (ushort)(32768 + (_portCounter++ % 28232)) : (ushort)0;
        var spec = new FrameSpec
        {
            Source = ipv6 ? _clients6[client] : _clients4[client],
            Destination = ipv6 ? _servers6[server] : _servers4[server],
            Protocol = protocol,
            SourcePort = clientPort,
            DestinationPort = serverPort,
            TcpFlags = TcpFlags.Ack,
            IcmpType = 8,
            VlanIds = vlan ? [(ushort)(100 + (slot % 8))] : [],
        };
        var forward = FrameBuilder.Ethernet(spec);
        var reverse = FrameBuilder.Ethernet(spec with
        {
            Source = spec.Destination,
            Destination = spec.Source,
            SourcePort = serverPort,
            DestinationPort = clientPort,
        });

        var ipOffset = vlan ? 18 : 14;
        var pseudo = ipv6 ? Checksum.Sum(forward.AsSpan(ipOffset + 8, 32)) : Checksum.Sum(forward.AsSpan(ipOffset + 12, 8));
        var planned = 1 + (int)(-meanLength * Math.Log(1 - _random.NextDouble()));
        return new SyntheticFlow(kind, forward, reverse, ipOffset, ipv6, protocol, pseudo + (uint)protocol, planned);
    }

    private ushort Pick(params ReadOnlySpan<ushort> choices) => choices[_random.Next(choices.Length)];
}
