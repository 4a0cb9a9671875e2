using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux;

/// <summary>Running iptables: the chain, the jumps to it, reading it, and batched changes through restore.</summary>
public sealed partial class IptablesEnforcer
{
    /// <summary>Creates the chain if missing and makes the jumps match the options; null when done.</summary>
    private async Task<string?> PrepareFamilyAsync(Family family, CancellationToken cancellationToken)
    {
        var (exists, error) = await ChainExistsAsync(family, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (!exists)
        {
            var created = await RunAsync(family, ["-N", Chain], cancellationToken).ConfigureAwait(false);
            if (!created.Succeeded)
            {
                return CommandRunning.Describe($"{family.Tool} -N {Chain}", created);
            }
        }

        foreach (var hook in new[] { Input, Forward })
        {
            if (hook == Forward && !_options.Forward)
            {
                if (await RemoveJumpsAsync(family, hook, cancellationToken).ConfigureAwait(false) is { } jumpError)
                {
                    return jumpError;
                }

                continue;
            }

            var check = await RunAsync(family, ["-C", hook, "-j", Chain], cancellationToken).ConfigureAwait(false);
            if (check.ExitCode == 1 && !check.TimedOut)
            {
                // First in the hook chain, so an ACCEPT further down cannot let a blocked source in.
                check = await RunAsync(family, ["-I", hook, "1", "-j", Chain], cancellationToken).ConfigureAwait(false);
            }

            if (!check.Succeeded)
            {
                return CommandRunning.Describe($"{family.Tool} jump from {hook}", check);
            }
        }

        return null;
    }

    /// <summary>Deletes every jump from <paramref name="hook"/> to our chain (normally at most one).</summary>
    private async Task<string?> RemoveJumpsAsync(Family family, string hook, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 64; i++)
        {
            var check = await RunAsync(family, ["-C", hook, "-j", Chain], cancellationToken).ConfigureAwait(false);
            if (check.ExitCode == 1 && !check.TimedOut)
            {
                return null;
            }

            var deleted = check.Succeeded ? await RunAsync(family, ["-D", hook, "-j", Chain], cancellationToken).ConfigureAwait(false) : check;
            if (!deleted.Succeeded)
            {
                return CommandRunning.Describe($"{family.Tool} remove jump from {hook}", deleted);
            }
        }

        return $"{family.Tool}: more than 64 jumps from {hook} to {Chain}";
    }

    private async Task<(bool Exists, string? Error)> ChainExistsAsync(Family family, CancellationToken cancellationToken)
    {
        var (rules, error) = await ReadChainAsync(family, cancellationToken).ConfigureAwait(false);
        return (rules is not null, error);
    }

    /// <summary>Our rules in the chain; null rules (and no error) when the chain does not exist.</summary>
    private async Task<(List<ChainRule>? Rules, string? Error)> ReadChainAsync(Family family, CancellationToken cancellationToken)
    {
        var result = await RunAsync(family, ["-S", Chain], cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return (ParseChain(result.StandardOutput, family.IsIPv4), null);
        }

        // Exit 1 means "no such chain" but also many other failures, and the message differs between
        // the legacy and nf_tables builds: listing the whole table tells them apart.
        var table = await RunAsync(family, ["-S"], cancellationToken).ConfigureAwait(false);
        return table.Succeeded && !table.StandardOutput.Split('\n').Any(l => l.Trim() == "-N " + Chain)
            ? (null, null)
            : (null, CommandRunning.Describe($"{family.Tool} -S {Chain}", result));
    }

    private async Task<string?> RestoreAsync(Family family, List<string> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var script = "*filter\n" + string.Join('\n', lines) + "\nCOMMIT\n";
        var result = await _runner.TryRunAsync(family.Restore, ["-w", "--noflush"], script, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? null : CommandRunning.Describe(family.Restore + " --noflush", result);
    }

    private Task<CommandResult> RunAsync(Family family, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        _runner.TryRunAsync(family.Tool, ["-w", "-t", "filter", .. arguments], null, _options.CommandTimeout, cancellationToken);
}
