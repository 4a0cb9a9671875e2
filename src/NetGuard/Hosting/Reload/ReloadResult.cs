namespace NetGuard.Hosting.Reload;

/// <summary>What the last reload of the configuration file did: applied (with what changed) or rejected (with the validation message).</summary>
internal sealed record ReloadResult(DateTimeOffset Time, bool Applied, string Message);
