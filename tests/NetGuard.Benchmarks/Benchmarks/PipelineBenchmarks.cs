using BenchmarkDotNet.Attributes;
using NetGuard.Benchmarks.Pipeline;

namespace NetGuard.Benchmarks.Benchmarks;

/// <summary>
/// Replay without process start: the capture thread, the bounded channel and the aggregation stage
/// wired as the product wires them. Drain returns batches unread: read, decode and channel alone.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class PipelineBenchmarks : IDisposable
{
    private string? _path;
    private ReplayPipeline? _pipeline;

    [GlobalSetup]
    public void Setup() => _path = BenchFiles.Create();

    [GlobalCleanup]
    public void Cleanup() => BenchFiles.Delete(_path);

    [IterationSetup(Target = nameof(Drain))]
    public void BuildDrain() => _pipeline = new ReplayPipeline(_path!, aggregate: false);

    [IterationSetup(Target = nameof(Aggregate))]
    public void BuildAggregate() => _pipeline = new ReplayPipeline(_path!, aggregate: true);

    [IterationCleanup]
    public void Teardown()
    {
        _pipeline?.Dispose();
        _pipeline = null;
    }

    [Benchmark(OperationsPerInvoke = BenchFiles.Packets)]
    public long Drain() => _pipeline!.Run();

    [Benchmark(OperationsPerInvoke = BenchFiles.Packets)]
    public long Aggregate() => _pipeline!.Run();

    public void Dispose()
    {
        Teardown();
        GC.SuppressFinalize(this);
    }
}
