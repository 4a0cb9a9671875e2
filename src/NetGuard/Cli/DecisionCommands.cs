using System.Globalization;
using NetGuard.Configuration;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Remediation;
using NetGuard.Remediation.Journal;
using NetGuard.Remediation.Operator;

namespace NetGuard.Cli;

/// <summary>
/// <c>blocks</c>, <c>approve</c>, <c>reject</c>, <c>rollback</c>, <c>block</c>: read the journal and edit the
/// decisions file (atomically, under a lock) for the operator. The running daemon picks edits up within seconds.
/// </summary>
internal static class DecisionCommands
{
    public static int Blocks(string? configFile, bool all, TextWriter stdout)
    {
        var (journal, decisionsFile, _) = Locate(configFile);
        var document = journal.Load();
        var now = TimeProvider.System.GetUtcNow();
        var shown = document.Decisions.Where(d => all || d.IsLive || d.State == DecisionState.Failed || now - d.UpdatedAt < TimeSpan.FromDays(1)).ToList();
        stdout.WriteLine($"{"ID",-24} {"STATE",-11} {"TARGET",-20} {"EXPIRES",-20} REASON");
        foreach (var d in shown)
        {
            var expires = d.State == DecisionState.Active && d.ExpiresAt is { } e ? e.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";
            stdout.WriteLine($"{d.Id,-24} {d.State,-11} {d.Target,-20} {expires,-20} {d.Reason}{(d.Error is null ? "" : $" [error: {d.Error}]")}");
        }

        if (shown.Count == 0)
        {
            stdout.WriteLine($"(no decisions{(all ? "" : " in the last day; --all shows older ones")})");
        }

        var pending = Pending(OperatorFile.Read(decisionsFile), document.Processed.ToHashSet(StringComparer.Ordinal));
        if (pending.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine($"waiting in {decisionsFile} (the daemon applies them within seconds):");
            foreach (var p in pending)
            {
                stdout.WriteLine($"  {p}");
            }
        }

        return ExitCodes.Ok;
    }

    public static int Edit(string verb, string value, string? ttl, string? reason, string? configFile, TextWriter stdout, TextWriter stderr)
    {
        var (journal, decisionsFile, options) = Locate(configFile);
        var decisions = journal.Load().Decisions;
        switch (verb)
        {
            case "approve" or "reject":
                if (!BlockRule.IsValidId(value) || decisions.All(d => d.Id != value))
                {
                    stderr.WriteLine($"netguard: {verb}: no decision '{value}' in {journal.Path} (see netguard blocks)");
                    return ExitCodes.BadInput;
                }

                break;
            case "rollback":
                if (!(BlockRule.IsValidId(value) && decisions.Any(d => d.Id == value)) && !NetAddress.TryParse(value, out _))
                {
                    stderr.WriteLine($"netguard: rollback: '{value}' is neither a decision id nor an address");
                    return ExitCodes.BadInput;
                }

                break;
            case "block":
                if (!NetPrefix.TryParse(value, out var prefix))
                {
                    stderr.WriteLine($"netguard: block: '{value}' is not an address or prefix (like 203.0.113.7 or 203.0.113.0/24)");
                    return ExitCodes.BadInput;
                }

                var minimum = prefix.IsIPv4 ? options.MinPrefixLengthIPv4 : options.MinPrefixLengthIPv6;
                if (prefix.Length < minimum)
                {
                    stderr.WriteLine($"netguard: block: {prefix} is wider than /{minimum}, the widest block allowed (NetGuard:Remediation:MinPrefixLength*)");
                    return ExitCodes.BadInput;
                }

                if (ttl is not null && (!TimeSpan.TryParse(ttl, CultureInfo.InvariantCulture, out var t) || t <= TimeSpan.Zero))
                {
                    stderr.WriteLine($"netguard: block: --ttl '{ttl}' is not a positive duration hh:mm:ss");
                    return ExitCodes.BadInput;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(verb), verb, null);
        }

        OperatorFile.Update(decisionsFile, d => verb switch
        {
            "approve" => d with { Approve = [.. d.Approve.Where(x => x != value), value] },
            "reject" => d with { Reject = [.. d.Reject.Where(x => x != value), value] },
            "rollback" => d with { Rollback = [.. d.Rollback.Where(x => x != value), value] },
            _ => d with
            {
                Block = [.. d.Block, new ManualBlock
                {
                    Target = value,
                    Ttl = ttl,
                    Reason = reason ?? "manual",
                    Requested = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                }],
            },
        });
        stdout.WriteLine($"{verb} {value}: written to {decisionsFile}; the running daemon acts on it within seconds (netguard blocks shows the result)");
        return ExitCodes.Ok;
    }

    private static List<string> Pending(OperatorDocument document, HashSet<string> processed)
    {
        var pending = new List<string>();
        pending.AddRange(document.Approve.Where(x => !processed.Contains($"approve:{x}")).Select(x => $"approve {x}"));
        pending.AddRange(document.Reject.Where(x => !processed.Contains($"reject:{x}")).Select(x => $"reject {x}"));
        pending.AddRange(document.Rollback.Where(x => !processed.Contains($"rollback:{x}")).Select(x => $"rollback {x}"));
        pending.AddRange(document.Block.Where(b => !processed.Contains($"block:{b.Target}|{b.Ttl}|{b.Reason}|{b.Requested}")).Select(b => $"block {b.Target}"));
        return pending;
    }

    private static (DecisionJournal Journal, string DecisionsFile, RemediationOptions Options) Locate(string? configFile)
    {
        var settings = NetGuardSettings.Load(configFile ?? Hosting.RunCommand.DefaultConfigFile());
        return (new DecisionJournal(settings.State.Directory), settings.Remediation.DecisionsFile, settings.Remediation);
    }
}
