using NetGuard.Aggregation.Tables;
using NetGuard.Core.Packets;
using static NetGuard.Aggregation.Tests.Packets;

namespace NetGuard.Aggregation.Tests;

/// <summary>
/// The flow table's open-addressed index against a plain model (a dictionary and a recency list with
/// the same per-second rules): heavy churn through idle expiry and eviction runs inserts and
/// backward-shift deletions many thousands of times, on small indexes kept busy and (the last case)
/// on one that grows twice along the way.
/// </summary>
public class FlowTableModelTests
{
    [Theory]
    [InlineData(1, 1024, 3000, 2)]
    [InlineData(2, 1024, 1500, 60)]
    [InlineData(3, 64, 400, 5)]
    [InlineData(4, 50_000, 120_000, 3)]
    public void Observe_RandomChurn_AgreesWithModelOnEveryPacket(int seed, int capacity, int universe, int idleSeconds)
    {
        var random = new Random(seed);
        var table = new FlowTable(capacity, TimeSpan.FromSeconds(idleSeconds), TimeSpan.FromHours(1));
        var model = new FlowModel(capacity, idleSeconds);
        var packets = 0;
        for (var second = 0; second < 120; second++)
        {
            var perSecond = random.Next(capacity / 2, capacity * 2);
            for (var n = 0; n < perSecond; n++)
            {
                var flow = random.Next(universe);
                // Either direction: the table must find a flow from both ends.
                var packet = random.Next(2) == 0 ? Packet(second, flow, reply: false) : Packet(second, flow, reply: true);
                var expected = model.Observe(flow, second);
                if (expected != table.Observe(packet))
                {
                    Assert.Fail($"packet {packets} (flow {flow}, second {second}): model says new={expected}");
                }
                packets++;
            }

            Assert.Equal(model.Count, table.Count);
        }

        Assert.Equal(model.Evicted, table.Evicted);
        Assert.Equal(model.Expired, table.ExpiredIdle);
        Assert.True(model.Evicted + model.Expired > 1000, $"too little churn to test deletion: {model.Evicted} evicted, {model.Expired} expired");
    }

    /// <summary>Flow n: 10.x.y.z:(1024+n%40000) to 172.16.x.y:443 over TCP, or the reply.</summary>
    private static PacketRecord Packet(int second, int flow, bool reply)
    {
        var client = NetAddress.FromIPv4(0x0A000000u + (uint)flow);
        var server = NetAddress.FromIPv4(0xAC100000u + (uint)(flow % 97));
        var port = (ushort)(1024 + (flow % 40000));
        return reply
            ? new PacketRecord(At(second), server, client, 60, IpProtocol.Tcp, 443, port, TcpFlags.Ack, PacketFlags.None, 0)
            : new PacketRecord(At(second), client, server, 60, IpProtocol.Tcp, port, 443, TcpFlags.Ack, PacketFlags.None, 0);
    }

    /// <summary>
    /// What the table promises: recency moves at most once a second, idle flows leave from the back of
    /// the recency list, a full table evicts the back of the list first.
    /// </summary>
    private sealed class FlowModel(int capacity, int idleSeconds)
    {
        private readonly Dictionary<int, (LinkedListNode<int> Node, int Last)> _flows = [];
        private readonly LinkedList<int> _recency = new();

        public int Count => _flows.Count;

        public long Evicted { get; private set; }

        public long Expired { get; private set; }

        public bool Observe(int flow, int second)
        {
            while (_recency.Last is { } tail && second - _flows[tail.Value].Last > idleSeconds)
            {
                Remove(tail.Value);
                Expired++;
            }

            if (_flows.TryGetValue(flow, out var known))
            {
                if (known.Last != second)
                {
                    _recency.Remove(known.Node);
                    _recency.AddFirst(known.Node);
                }

                _flows[flow] = (known.Node, second);
                return false;
            }

            if (_flows.Count == capacity)
            {
                Remove(_recency.Last!.Value);
                Evicted++;
            }

            _flows[flow] = (_recency.AddFirst(flow), second);
            return true;
        }

        private void Remove(int flow)
        {
            _recency.Remove(_flows[flow].Node);
            _flows.Remove(flow);
        }
    }
}
