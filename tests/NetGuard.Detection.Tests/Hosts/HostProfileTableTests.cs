using NetGuard.Core.Packets;
using NetGuard.Detection.Hosts;

namespace NetGuard.Detection.Tests.Hosts;

/// <summary>
/// The profile table: found again by address, created only when asked, the least recently active
/// evicted first when full, and the open-addressed index consistent with a plain model through growth
/// and heavy eviction (backward-shift deletion).
/// </summary>
public class HostProfileTableTests
{
    [Fact]
    public void Touch_KnownHost_ReturnsItsSlotWithItsLearningKept()
    {
        var table = new HostProfileTable(16);
        var slot = table.Touch(Host(1), create: true);
        table[slot].ActiveSeconds = 7;
        table[slot].Baselines[3].Update(42, 0.1);

        var again = table.Touch(Host(1), create: false);

        Assert.Equal(slot, again);
        Assert.Equal(7, table[again].ActiveSeconds);
        Assert.Equal(42, table[again].Baselines[3].Mean);
        Assert.Equal(Host(1), table[again].Address);
    }

    [Fact]
    public void Touch_UnknownHostWithoutCreate_ReturnsNoneAndAddsNothing()
    {
        var table = new HostProfileTable(16);

        Assert.Equal(-1, table.Touch(Host(1), create: false));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Touch_Full_EvictsTheLeastRecentlyTouchedAndStartsTheNewcomerBlank()
    {
        var table = new HostProfileTable(3);
        foreach (var n in new[] { 1, 2, 3 })
        {
            table[table.Touch(Host(n), create: true)].ActiveSeconds = n;
        }

        _ = table.Touch(Host(1), create: false); // 2 is now the oldest
        var newcomer = table.Touch(Host(4), create: true);

        Assert.Equal(1, table.Evicted);
        Assert.Equal(3, table.Count);
        Assert.Equal(-1, table.Touch(Host(2), create: false));
        Assert.Equal(0, table[newcomer].ActiveSeconds);
        Assert.Equal(0, table[newcomer].Baselines[0].Count);
        Assert.Equal(1, table[table.Touch(Host(1), create: false)].ActiveSeconds);
        Assert.Equal(3, table[table.Touch(Host(3), create: false)].ActiveSeconds);
    }

    [Theory]
    [InlineData(1, 5000, 20_000)]
    [InlineData(2, 300, 1000)]
    [InlineData(3, 100_000, 150_000)]
    public void Touch_RandomChurn_AgreesWithModel(int seed, int capacity, int universe)
    {
        var random = new Random(seed);
        var table = new HostProfileTable(capacity);
        var model = new LinkedList<int>();
        var nodes = new Dictionary<int, LinkedListNode<int>>();
        var evicted = 0;
        for (var i = 0; i < 400_000; i++)
        {
            var host = random.Next(universe);
            var create = random.Next(4) != 0;
            var slot = table.Touch(Host(host), create);
            if (nodes.Remove(host, out var node))
            {
                model.Remove(node);
                nodes[host] = model.AddFirst(host);
                if (slot < 0 || table[slot].Address != Host(host))
                {
                    Assert.Fail($"touch {i}: host {host} was lost");
                }
            }
            else if (create)
            {
                if (nodes.Count == capacity)
                {
                    nodes.Remove(model.Last!.Value);
                    model.RemoveLast();
                    evicted++;
                }

                nodes[host] = model.AddFirst(host);
                Assert.Equal(Host(host), table[slot].Address);
            }
            else if (slot != -1)
            {
                Assert.Fail($"touch {i}: host {host} found though the model has none");
            }
        }

        Assert.Equal(nodes.Count, table.Count);
        Assert.Equal(evicted, table.Evicted);
        Assert.True(evicted > 1000 || capacity >= universe, $"too little eviction to test deletion: {evicted}");
    }

    private static NetAddress Host(int n) => NetAddress.FromIPv4(0x0A000000u + (uint)n);
}
