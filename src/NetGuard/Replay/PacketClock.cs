namespace NetGuard.Replay;

/// <summary>Replay's clock: packet time, moved forward as seconds close, so decisions and TTLs follow the capture.</summary>
internal sealed class PacketClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    public override DateTimeOffset GetUtcNow() => _now;

    public void AdvanceTo(DateTimeOffset time)
    {
        if (time > _now)
        {
            _now = time;
        }
    }
}
