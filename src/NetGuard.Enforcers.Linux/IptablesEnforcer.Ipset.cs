using System.Globalization;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux;

/// <summary>
/// The ipset variant: blocks are elements of the sets <c>netguard4</c> and <c>netguard6</c> (hash:net,
/// with per-element timeouts and the decision id as comment), matched by one rule per family in our
/// chain. One hash lookup per packet however many blocks, every change in one <c>ipset restore</c>,
/// and blocks expire in the kernel even when the daemon is gone.
/// </summary>
public sealed partial class IptablesEnforcer
{
    internal const string Ipset = "ipset";

    /// <summary>ipset's largest timeout, about 24.8 days; a longer TTL is cut to it (the engine expires blocks itself too).</summary>
    internal const int MaxIpsetTimeoutSeconds = 2_147_483;

    private const int SetMaxElements = 1 << 20;

    internal static string SetName(bool ipv4) => ipv4 ? "netguard4" : "netguard6";

    /// <summary>The set (created if missing) and the chain's one rule that matches it; null when done.</summary>
    private async Task<string?> PrepareSetAsync(Family family, CancellationToken cancellationToken)
    {
        var set = SetName(family.IsIPv4);
        string[] create = ["create", set, "hash:net", "family", family.IsIPv4 ? "inet" : "inet6", "timeout", "0", "comment",
            "maxelem", SetMaxElements.ToString(CultureInfo.InvariantCulture), "-exist"];
        var created = await RunIpsetAsync(create, null, cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return CommandRunning.Describe($"ipset create {set}", created);
        }

        string[] match = ["-m", "set", "--match-set", set, "src", "-j", "DROP"];
        var check = await RunAsync(family, ["-C", Chain, .. match], cancellationToken).ConfigureAwait(false);
        if (check.ExitCode == 1 && !check.TimedOut)
        {
            check = await RunAsync(family, ["-A", Chain, .. match], cancellationToken).ConfigureAwait(false);
        }

        return check.Succeeded ? null : CommandRunning.Describe($"{family.Tool} match {set}", check);
    }

    /// <summary>True when the chain still holds the rule matching our set (a firewall reload removes it, the set survives).</summary>
    private async Task<(bool Matched, string? Error)> SetMatchedAsync(Family family, CancellationToken cancellationToken)
    {
        var check = await RunAsync(family, ["-C", Chain, "-m", "set", "--match-set", SetName(family.IsIPv4), "src", "-j", "DROP"], cancellationToken).ConfigureAwait(false);
        if (check.Succeeded)
        {
            return (true, null);
        }

        // 1 or 2: no such rule, chain or set, or a failure of another kind: reading the chain tells them apart.
        if (check.ExitCode is not (1 or 2) || check.TimedOut)
        {
            return (false, CommandRunning.Describe($"{family.Tool} -C {Chain}", check));
        }

        var (_, error) = await ReadChainAsync(family, cancellationToken).ConfigureAwait(false);
        return (false, error);
    }

    private async Task<string?> ApplySetAsync(Family family, List<BlockRule> rules, CancellationToken cancellationToken)
    {
        var (matched, error) = await SetMatchedAsync(family, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (!matched && (await PrepareFamilyAsync(family, cancellationToken).ConfigureAwait(false) ?? await PrepareSetAsync(family, cancellationToken).ConfigureAwait(false)) is { } prepareError)
        {
            return prepareError;
        }

        var set = SetName(family.IsIPv4);
        var lines = rules.Select(r => $"add {set} {RuleBatch.Format(r.Target)} timeout {TimeoutSeconds(r.Ttl)} comment \"{r.DecisionId}\"");
        return await RestoreSetAsync(lines, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the targets from our set; without the set there is nothing to remove.</summary>
    private async Task<string?> RemoveFromSetAsync(Family family, IEnumerable<NetPrefix> targets, CancellationToken cancellationToken)
    {
        var (exists, error) = await SetExistsAsync(family, cancellationToken).ConfigureAwait(false);
        return error ?? (exists
            ? await RestoreSetAsync(targets.Select(t => $"del {SetName(family.IsIPv4)} {RuleBatch.Format(t)}"), cancellationToken).ConfigureAwait(false)
            : null);
    }

    private async Task<(bool Exists, string? Error)> SetExistsAsync(Family family, CancellationToken cancellationToken)
    {
        var names = await RunIpsetAsync(["list", "-n"], null, cancellationToken).ConfigureAwait(false);
        return names.Succeeded
            ? (names.StandardOutput.Split('\n', StringSplitOptions.TrimEntries).Contains(SetName(family.IsIPv4)), null)
            : (false, CommandRunning.Describe("ipset list -n", names));
    }

    /// <summary>One <c>ipset restore -exist</c>: adding an element again updates its timeout and comment, deleting an absent one is no error.</summary>
    private async Task<string?> RestoreSetAsync(IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        var script = string.Join('\n', lines);
        if (script.Length == 0)
        {
            return null;
        }

        var result = await RunIpsetAsync(["restore", "-exist"], script + "\n", cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? null : CommandRunning.Describe("ipset restore", result);
    }

    /// <summary>Our set's elements, when the chain still matches it; otherwise nothing is enforced and nothing is listed.</summary>
    private async Task<(List<OwnedRule> Rules, string? Error)> ListSetAsync(Family family, CancellationToken cancellationToken)
    {
        var (matched, error) = await SetMatchedAsync(family, cancellationToken).ConfigureAwait(false);
        if (error is not null || !matched)
        {
            return ([], error);
        }

        var result = await RunIpsetAsync(["save", SetName(family.IsIPv4)], null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? (ParseSet(result.StandardOutput, family.IsIPv4), null)
            : ([], CommandRunning.Describe($"ipset save {SetName(family.IsIPv4)}", result));
    }

    /// <summary>
    /// After a switch between the two ways of blocking: the per-address rules of plain mode are deleted
    /// when sets are used, and the set's match rule is deleted when they are not (its set is left to
    /// teardown). Without this, blocks of the other mode would stay in force unlisted.
    /// </summary>
    private async Task<string?> RemoveOtherModeAsync(Family family, CancellationToken cancellationToken)
    {
        if (_options.UseIpset)
        {
            var (existing, error) = await ReadChainAsync(family, cancellationToken).ConfigureAwait(false);
            return error ?? await RestoreAsync(family, [.. (existing ?? []).Select(e => e.DeleteLine)], cancellationToken).ConfigureAwait(false);
        }

        var (matched, matchError) = await SetMatchedAsync(family, cancellationToken).ConfigureAwait(false);
        if (matchError is not null || !matched)
        {
            // An iptables without the set match cannot hold our set rule; that is no failure of plain mode.
            return null;
        }

        var deleted = await RunAsync(family, ["-D", Chain, "-m", "set", "--match-set", SetName(family.IsIPv4), "src", "-j", "DROP"], cancellationToken).ConfigureAwait(false);
        return deleted.Succeeded ? null : CommandRunning.Describe($"{family.Tool} -D {Chain} set match", deleted);
    }

    private async Task<string?> DestroySetAsync(Family family, CancellationToken cancellationToken)
    {
        var set = SetName(family.IsIPv4);
        var (exists, error) = await SetExistsAsync(family, cancellationToken).ConfigureAwait(false);
        if (error is not null || !exists)
        {
            return error;
        }

        var destroyed = await RunIpsetAsync(["destroy", set], null, cancellationToken).ConfigureAwait(false);
        return destroyed.Succeeded ? null : CommandRunning.Describe($"ipset destroy {set}", destroyed);
    }

    /// <summary>
    /// Reads <c>ipset save</c>: <c>add netguard4 203.0.113.7 timeout 1799 comment "ng-…"</c>. Lines of
    /// another shape, targets that fail the batch rules, and ids that are not ours' shape are skipped.
    /// </summary>
    internal static List<OwnedRule> ParseSet(string output, bool ipv4)
    {
        var rules = new List<OwnedRule>();
        foreach (var raw in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var t = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (t.Length < 3 || t[0] != "add" || t[1] != SetName(ipv4) || !NetPrefix.TryParse(t[2], out var target)
                || target.IsIPv4 != ipv4 || RuleBatch.TargetProblem(target) is not null)
            {
                continue;
            }

            string? id = null;
            TimeSpan? remaining = null;
            for (var i = 3; i + 1 < t.Length; i += 2)
            {
                if (t[i] == "timeout" && int.TryParse(t[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                {
                    remaining = TimeSpan.FromSeconds(seconds);
                }
                else if (t[i] == "comment")
                {
                    // Our ids are one token; a comment of several words is someone else's.
                    var quoted = t[i + 1];
                    id = quoted.Length > 2 && quoted[0] == '"' && quoted[^1] == '"' ? quoted[1..^1] : null;
                    break;
                }
            }

            rules.Add(new OwnedRule(BlockRule.IsValidId(id) ? id : null, target, remaining));
        }

        return rules;
    }

    /// <summary>0 (no timeout) for a block without TTL; at least a second, at most ipset's limit.</summary>
    internal static string TimeoutSeconds(TimeSpan? ttl) => ttl is not { } t
        ? "0"
        : ((long)Math.Clamp(Math.Ceiling(t.TotalSeconds), 1, MaxIpsetTimeoutSeconds)).ToString(CultureInfo.InvariantCulture);

    private Task<CommandResult> RunIpsetAsync(IReadOnlyList<string> arguments, string? input, CancellationToken cancellationToken) =>
        _runner.TryRunAsync(Ipset, arguments, input, _options.CommandTimeout, cancellationToken);
}
