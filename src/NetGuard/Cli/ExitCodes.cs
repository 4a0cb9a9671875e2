namespace NetGuard.Cli;

/// <summary>Process exit codes, stable for scripts and systemd.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>An unexpected failure (a bug): the message says what happened.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a capture file, configuration or argument the operator has to fix.</summary>
    public const int BadInput = 2;

    /// <summary>The environment stops the start: no permission, no libpcap, no such interface.</summary>
    public const int Unavailable = 3;

    /// <summary><c>netguard status</c>: no daemon is running (no status file, or one not rewritten for 5 seconds).</summary>
    public const int NotRunning = 4;
}
