using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Windows;

/// <summary>Runs a command and turns every way it can fail, short of cancellation, into a result.</summary>
internal static class CommandRunning
{
    public static async Task<CommandResult> TryRunAsync(this ICommandRunner runner, string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunAsync(program, arguments, null, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new CommandResult(-1, "", $"{program}: {e.GetType().Name}: {e.Message}");
        }
    }
}
