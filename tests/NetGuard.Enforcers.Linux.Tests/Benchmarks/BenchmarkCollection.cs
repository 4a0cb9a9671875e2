namespace NetGuard.Enforcers.Linux.Tests.Benchmarks;

/// <summary>Timed tests run alone, after the others, so they do not share the cores.</summary>
[CollectionDefinition(nameof(BenchmarkCollection), DisableParallelization = true)]
public sealed class BenchmarkCollection;
