namespace NetGuard.Replay;

/// <summary>The arguments of <c>netguard replay</c>; <see cref="Report"/> is the HTML report's path, if one is wanted.</summary>
internal sealed record ReplayRequest(string File, string? ConfigFile, bool Json, bool Stats, string? Report = null);
