namespace NetGuard.Core.Remediation;

/// <summary>Runs a command and turns every way it can fail, short of cancellation, into a result; describes failures in one line.</summary>
public static class CommandRunning
{
    public static async Task<CommandResult> TryRunAsync(
        this ICommandRunner runner, string program, IReadOnlyList<string> arguments, string? standardInput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunAsync(program, arguments, standardInput, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A runner that cannot start the program, or a pipe that broke because it exited early.
            return new CommandResult(-1, "", $"{program}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>One line for a log or a failed result: what ran, how it ended, the tool's own words.</summary>
    public static string Describe(string what, CommandResult result, string? detail = null)
    {
        var how = result.TimedOut ? "timed out" : $"exit code {result.ExitCode}";
        var words = detail ?? FirstLines(result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput);
        return words.Length == 0 ? $"{what} failed ({how})" : $"{what} failed ({how}): {words}";
    }

    public static string FirstLines(string text, int maxChars = 400)
    {
        var trimmed = string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));
        return trimmed.Length <= maxChars ? trimmed : trimmed[..maxChars] + "...";
    }
}
