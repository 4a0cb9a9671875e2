using System.Diagnostics;

namespace NetGuard.Core.Remediation;

/// <summary>Runs commands as child processes; a command still running at its timeout is killed with its children.</summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    /// <param name="prefix">Program and arguments put in front of every command, e.g. ["ip", "netns", "exec", "test-ns"].</param>
    /// <param name="toolDirectory">Directory the commanded programs are run from; null or empty looks them up on PATH.</param>
    public ProcessCommandRunner(IReadOnlyList<string>? prefix = null, string? toolDirectory = null)
    {
        Prefix = prefix ?? [];
        ToolDirectory = string.IsNullOrEmpty(toolDirectory) ? null : toolDirectory;
    }

    public IReadOnlyList<string> Prefix { get; }

    public string? ToolDirectory { get; }

    public async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentException.ThrowIfNullOrEmpty(program);
        var all = Prefix.Concat([ToolDirectory is null ? program : Path.Combine(ToolDirectory, program)]).Concat(arguments).ToList();
        var info = new ProcessStartInfo(all[0])
        {
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in all.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new CommandResult(127, "", $"{all[0]}: {e.Message}");
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return new CommandResult(-1, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), TimedOut: true);
        }

        return new CommandResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
