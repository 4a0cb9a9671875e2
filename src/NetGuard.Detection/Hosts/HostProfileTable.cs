using NetGuard.Core.Packets;

namespace NetGuard.Detection.Hosts;

/// <summary>
/// Profiles of the hosts detection follows, bounded: the least recently active is dropped first
/// (counted). A spoofed flood cannot fill it, because only hosts that sent or received a few
/// packets in a second earn a profile.
/// </summary>
internal sealed class HostProfileTable(int capacity)
{
    private readonly Dictionary<NetAddress, LinkedListNode<HostProfile>> _index = new(Math.Min(capacity, 1 << 16));
    private readonly LinkedList<HostProfile> _recency = new();

    public int Count => _index.Count;

    public long Evicted { get; private set; }

    /// <summary>
    /// The host's profile, marked as seen in <paramref name="second"/>; a host without one gets one only
    /// when <paramref name="create"/> is true. One lookup either way.
    /// </summary>
    public HostProfile? Touch(in NetAddress address, long second, bool create)
    {
        if (_index.TryGetValue(address, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
        }
        else if (!create)
        {
            return null;
        }
        else
        {
            if (_index.Count >= capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _index.Remove(oldest.Value.Address);
                Evicted++;
            }

            node = _recency.AddFirst(new HostProfile(address));
            _index[address] = node;
        }

        node.Value.LastSecond = second;
        return node.Value;
    }
}
