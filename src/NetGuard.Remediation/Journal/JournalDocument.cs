using NetGuard.Core.Remediation;

namespace NetGuard.Remediation.Journal;

/// <summary>The journal file's content: the source of truth for decisions.</summary>
internal sealed record JournalDocument
{
    public int Version { get; init; } = 1;

    public IReadOnlyList<Decision> Decisions { get; init; } = [];

    /// <summary>Operator entries (from the decisions file) already acted on, so each acts once.</summary>
    public IReadOnlyList<string> Processed { get; init; } = [];

    /// <summary>Blocks that became active per target, for repeat-offender TTLs (kept after old decisions are pruned).</summary>
    public IReadOnlyDictionary<string, int> Offenders { get; init; } = new Dictionary<string, int>();
}
