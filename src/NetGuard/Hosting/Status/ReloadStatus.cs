namespace NetGuard.Hosting.Status;

/// <summary>A reload of the configuration file: <see cref="Result"/> "applied" (Message: what changed) or "rejected" (Message: why).</summary>
internal sealed record ReloadStatus(DateTimeOffset Time, string Result, string Message);
