using System.Globalization;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Remediation.Operator;

namespace NetGuard.Remediation.Engine;

public sealed partial class RemediationEngine
{
    /// <summary>
    /// Acts on the decisions file. Each entry acts once (remembered in the journal); an entry naming
    /// an unknown id or a protected address is reported and changes nothing.
    /// </summary>
    public async Task ApplyOperatorAsync(OperatorDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var id in document.Reject)
        {
            if (Once($"reject:{id}") && Find(id, "reject") is { } d)
            {
                if (d.State == DecisionState.Proposed)
                {
                    Transition(d, DecisionState.Rejected, x => x with { ApprovedBy = "decisions-file" });
                }
                else
                {
                    Notice($"reject {id}: it is {d.State}, not Proposed; use rollback for an active block");
                }
            }
        }

        foreach (var id in document.Approve)
        {
            if (Once($"approve:{id}") && Find(id, "approve") is { } d)
            {
                if (d.State != DecisionState.Proposed)
                {
                    Notice($"approve {id}: it is {d.State}, not Proposed");
                }
                else if (Refusal(d.Target) is { } why)
                {
                    Notice($"approve {id}: refused, {why}");
                }
                else
                {
                    await ApplyAsync(Approve(d, "decisions-file"), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        foreach (var entry in document.Rollback)
        {
            if (Once($"rollback:{entry}"))
            {
                await RollbackAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var block in document.Block)
        {
            if (Once($"block:{block.Target}|{block.Ttl}|{block.Reason}|{block.Requested}"))
            {
                await ManualBlockAsync(block, cancellationToken).ConfigureAwait(false);
            }
        }

        Save();
    }

    private async Task RollbackAsync(string entry, CancellationToken cancellationToken)
    {
        List<Decision> matches;
        if (_decisions.TryGetValue(entry, out var byId))
        {
            matches = [byId];
        }
        else if (NetAddress.TryParse(entry, out var address))
        {
            matches = [.. _decisions.Values.Where(d => d.IsLive && d.Target.Contains(address))];
        }
        else
        {
            Notice($"rollback {Printable(entry)}: no such decision id, and not an address");
            return;
        }

        if (matches.Count == 0)
        {
            Notice($"rollback {entry}: nothing is blocked or proposed for it");
        }

        foreach (var d in matches)
        {
            switch (d.State)
            {
                case DecisionState.Active or DecisionState.Applying or DecisionState.Failed:
                    await RemoveAsync(d, DecisionState.RolledBack, cancellationToken).ConfigureAwait(false);
                    break;
                case DecisionState.Proposed or DecisionState.Approved:
                    Transition(d, DecisionState.RolledBack);
                    break;
                default:
                    Notice($"rollback {d.Id}: it is already {d.State}");
                    break;
            }
        }
    }

    private async Task ManualBlockAsync(ManualBlock block, CancellationToken cancellationToken)
    {
        if (!NetPrefix.TryParse(block.Target, out var target))
        {
            Notice($"block {Printable(block.Target)}: not an address or prefix");
            return;
        }

        if (Refusal(target) is { } why)
        {
            Notice($"block {target}: refused, {why}");
            return;
        }

        TimeSpan ttl = _options.DefaultTtl;
        if (block.Ttl is not null && (!TimeSpan.TryParse(block.Ttl, CultureInfo.InvariantCulture, out ttl) || ttl <= TimeSpan.Zero))
        {
            Notice($"block {target}: ttl '{Printable(block.Ttl)}' is not a positive duration hh:mm:ss");
            return;
        }

        if (HasLiveDecision(target))
        {
            Notice($"block {target}: already blocked or proposed");
            return;
        }

        var now = _time.GetUtcNow();
        var decision = Transition(
            new Decision
            {
                Id = NewId(now),
                Target = target,
                State = DecisionState.Approved,
                Origin = "manual",
                Reason = Printable(block.Reason ?? "manual"),
                CreatedAt = now,
                Ttl = ttl > _options.MaxTtl ? _options.MaxTtl : ttl,
                ApprovedAt = now,
                ApprovedBy = "decisions-file",
            },
            DecisionState.Approved);
        await ApplyAsync(decision, cancellationToken).ConfigureAwait(false);
    }

    private Decision? Find(string id, string verb)
    {
        if (_decisions.TryGetValue(id, out var d))
        {
            return d;
        }

        Notice($"{verb} {Printable(id)}: no such decision");
        return null;
    }

    private bool Once(string key) => _processed.Add(key);

    /// <summary>Operator text goes into logs: keep it short and free of control characters.</summary>
    private static string Printable(string text)
    {
        var clean = new string([.. text.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 80 ? clean + "…" : clean;
    }
}
