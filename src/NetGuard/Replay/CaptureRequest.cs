namespace NetGuard.Replay;

/// <summary>The arguments of <c>netguard capture</c>.</summary>
internal sealed record CaptureRequest(
    IReadOnlyList<string> Interfaces,
    string? ConfigFile,
    string? Filter,
    long? Count,
    TimeSpan? Duration,
    bool Json,
    bool Stats);
