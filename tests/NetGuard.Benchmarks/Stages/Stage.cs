namespace NetGuard.Benchmarks.Stages;

/// <summary>One measured stage: a name and a run over the file that returns the packets it handled.</summary>
internal sealed record Stage(string Name, Func<string, long> Run);
