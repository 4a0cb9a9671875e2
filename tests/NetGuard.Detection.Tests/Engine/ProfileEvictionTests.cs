using NetGuard.Core.Detection;
using NetGuard.Core.Packets;

namespace NetGuard.Detection.Tests.Engine;

/// <summary>
/// A profile table far smaller than the hosts a second brings: profiles are evicted and their slots
/// reused within one second, and the engine still judges every host and finds the flood.
/// </summary>
public class ProfileEvictionTests
{
    private const string Attacker = "198.51.100.66";

    [Fact]
    public void OnSecond_MoreProfiledHostsThanRoom_EvictsWithinTheSecondAndStillAlerts()
    {
        var t = new Traffic(new DetectionOptions { MaxTrackedHosts = 16 })
            .During(0, 90, Background.Web(400, clients: 300))
            .During(60, 90, (t, s) =>
            {
                for (var i = 0; i < 2000; i++)
                {
                    t.Tcp(s, i * 450, Attacker, (ushort)(1024 + ((s * 2000 + i) % 60000)), Background.Server, 443, TcpFlags.Syn);
                }
            })
            .Run(90);

        Assert.Equal(16, t.Engine.Counters.HostsTracked);
        Assert.True(t.Engine.Counters.HostsEvicted > 90 * 100, $"only {t.Engine.Counters.HostsEvicted} evictions");
        Assert.Equal(90, t.Engine.Counters.SecondsAssessed);
        Assert.Contains(t.Alerts.All, a => a.Kind == AttackKind.SynFlood && a.Subject == Traffic.Ip(Attacker));
    }
}
