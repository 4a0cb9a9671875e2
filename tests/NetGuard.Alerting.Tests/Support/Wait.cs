using System.Diagnostics;

namespace NetGuard.Alerting.Tests.Support;

/// <summary>Bounded polling: every wait in these tests ends.</summary>
internal static class Wait
{
    public static bool Until(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return condition();
            }

            Thread.Sleep(10);
        }

        return true;
    }
}
