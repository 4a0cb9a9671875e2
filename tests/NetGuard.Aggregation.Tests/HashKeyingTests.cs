using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tests;

/// <summary>
/// Table hashes are keyed per process: sources an attacker built to collide under the unkeyed mix
/// (every one with the same High ^ Mix(Low)) spread over the index like any others, and one pair of
/// hosts with many ports gives as many flow hashes.
/// </summary>
public class HashKeyingTests
{
    private const int Count = 10_000;

    [Fact]
    public void GetHashCode_SourcesCraftedToCollideWithoutTheKey_Spread()
    {
        var hashes = new HashSet<int>();
        var homes = new Dictionary<int, int>();
        for (var i = 0; i < Count; i++)
        {
            // The unkeyed hash was Mix(High ^ Mix(Low)): these all had High ^ Mix(Low) = 0x2001_0db8_0000_0000.
            var low = 0x1000UL + (ulong)i;
            var address = new NetAddress(0x2001_0db8_0000_0000UL ^ Hashing.Mix(low), low);
            var hash = address.GetHashCode();
            hashes.Add(hash);
            var home = hash & 0xFFFF;
            homes[home] = homes.GetValueOrDefault(home) + 1;
        }

        Assert.True(hashes.Count > Count - 5, $"{Count - hashes.Count} of {Count} crafted sources share a hash");
        Assert.True(homes.Values.Max() <= 8, $"{homes.Values.Max()} crafted sources share one home bucket of 65,536");
    }

    [Fact]
    public void FlowHash_OnePairOfHostsManyPorts_AllDifferent()
    {
        var client = Packets.Ip("2001:db8::1");
        var server = Packets.Ip("2001:db8::2");
        var hashes = new HashSet<uint>();
        for (var port = 1; port <= Count; port++)
        {
            var packet = new PacketRecord(Packets.Base, client, server, 60, IpProtocol.Tcp, (ushort)port, 443, TcpFlags.Syn, PacketFlags.IPv6, 0);
            var reply = new PacketRecord(Packets.Base, server, client, 60, IpProtocol.Tcp, 443, (ushort)port, TcpFlags.Ack, PacketFlags.IPv6, 0);
            Assert.Equal(packet.FlowHash, reply.FlowHash);
            hashes.Add(packet.FlowHash);
        }

        Assert.True(hashes.Count > Count - 5, $"{Count - hashes.Count} of {Count} flows share a hash");
    }
}
