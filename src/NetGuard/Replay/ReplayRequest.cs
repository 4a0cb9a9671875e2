namespace NetGuard.Replay;

/// <summary>The arguments of <c>netguard replay</c>.</summary>
internal sealed record ReplayRequest(string File, string? ConfigFile, bool Json, bool Stats);
