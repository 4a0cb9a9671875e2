using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace NetGuard.Benchmarks.Benchmarks;

/// <summary>
/// A short job: one launch, three warm-ups, eight measured iterations. Enough for per-packet costs
/// that are averaged over hundreds of thousands of packets per invocation; the whole suite runs in minutes.
/// Reports go to /tmp/netguard-benchmarks (override with --artifacts), not into the working tree.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
        ArtifactsPath = Path.Combine(Path.GetTempPath(), "netguard-benchmarks");
    }
}
