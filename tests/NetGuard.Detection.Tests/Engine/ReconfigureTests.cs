using NetGuard.Core.Detection;

namespace NetGuard.Detection.Tests.Engine;

public class ReconfigureTests
{
    private const string Victim = "192.0.2.10";

    [Fact]
    public void Reconfigure_NewThreshold_AppliesFromTheNextClosedSecond()
    {
        var next = new DetectionOptions();
        next.Thresholds.Add(new ThresholdRule { Network = "192.0.2.0/24", Metric = "in.packets", PerSecond = 100 });
        var t = new Traffic()
            .During(0, 20, (t, s) =>
            {
                if (s == 10)
                {
                    // Before second 10's first packet, which closes second 9.
                    t.Engine.Reconfigure(next);
                }

                for (var i = 0; i < 150; i++)
                {
                    t.Udp(s, i * 1000, "198.51.100.5", 4000, Victim, 53);
                }
            })
            .Run(20);

        var threshold = Assert.Single(t.Alerts.About(Victim), a => a.Detector == "threshold");
        Assert.Equal(9, (threshold.TimeMicros / 1_000_000) - Traffic.Epoch);
        Assert.Equal(AttackKind.VolumeSpike, threshold.Kind);
        Assert.Equal(100, threshold.Baseline);
    }

    [Fact]
    public void Reconfigure_InvalidThreshold_ThrowsOnTheCallerAndKeepsTheOldSettings()
    {
        var t = new Traffic();
        var bad = new DetectionOptions();
        bad.Thresholds.Add(new ThresholdRule { Network = "192.0.2.0/33", Metric = "in.packets", PerSecond = 100 });
        Assert.Throws<ArgumentException>(() => t.Engine.Reconfigure(bad));

        t.During(0, 5, (t, s) =>
        {
            for (var i = 0; i < 150; i++)
            {
                t.Udp(s, i * 1000, "198.51.100.5", 4000, Victim, 53);
            }
        }).Run(5);
        Assert.DoesNotContain(t.Alerts.All, a => a.Detector == "threshold");
    }
}
