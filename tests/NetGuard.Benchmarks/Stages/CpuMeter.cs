using System.Diagnostics;
using System.Globalization;

namespace NetGuard.Benchmarks.Stages;

/// <summary>
/// CPU time that other processes used while a stage ran (Linux /proc/stat), so that a run disturbed by
/// a neighbour on a shared 2-core machine is recognised and repeated instead of reported.
/// </summary>
internal readonly struct CpuMeter
{
    private readonly double _busySeconds;
    private readonly TimeSpan _ownCpu;

    private CpuMeter(double busySeconds, TimeSpan ownCpu)
    {
        _busySeconds = busySeconds;
        _ownCpu = ownCpu;
    }

    public static CpuMeter Start() => new(BusySeconds(), OwnCpu());

    /// <summary>CPU seconds used by everything but this process since <see cref="Start"/> (0 where /proc/stat is absent).</summary>
    public double ForeignSeconds() => Math.Max(0, BusySeconds() - _busySeconds - (OwnCpu() - _ownCpu).TotalSeconds);

    private static TimeSpan OwnCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double BusySeconds()
    {
        const string Stat = "/proc/stat";
        if (!File.Exists(Stat))
        {
            return 0;
        }

        using var reader = new StreamReader(Stat);
        var fields = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // cpu user nice system idle iowait irq softirq steal: busy is all but idle and iowait, in USER_HZ (100/s).
        long busy = 0;
        for (var i = 1; i <= 8 && i < fields.Length; i++)
        {
            if (i is not 4 and not 5)
            {
                busy += long.Parse(fields[i], CultureInfo.InvariantCulture);
            }
        }

        return busy / 100.0;
    }
}
