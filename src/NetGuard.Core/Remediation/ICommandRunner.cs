namespace NetGuard.Core.Remediation;

/// <summary>
/// Runs a program with an argument list and optional standard input; never through a shell.
/// Tests substitute one that runs inside a network namespace, or one that records.
/// </summary>
public interface ICommandRunner
{
    Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>Exit code and output of a command; <see cref="TimedOut"/> when it was killed at its timeout.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut = false)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
