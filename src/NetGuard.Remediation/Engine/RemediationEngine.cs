using System.Globalization;
using Microsoft.Extensions.Logging;
using NetGuard.Core.Remediation;
using NetGuard.Remediation.Guards;
using NetGuard.Remediation.Journal;
using NetGuard.Remediation.Operator;

namespace NetGuard.Remediation.Engine;

/// <summary>
/// The decision lifecycle. Every transition is journalled before it is acted on or announced;
/// Active is written only after the enforcer confirms. Not thread-safe: one caller at a time
/// (the daemon's remediation loop, or replay inline).
/// </summary>
public sealed partial class RemediationEngine
{
    private readonly IFirewallEnforcer _enforcer;
    private readonly DecisionJournal _journal;
    private RemediationOptions _options;
    private ProtectedNetworks _protected;
    private readonly TimeProvider _time;
    private readonly IDecisionSink _sink;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Decision> _decisions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _processed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _offenders = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recentApplies = new();
    private int _sequence;

    internal RemediationEngine(RemediationOptions options, IFirewallEnforcer enforcer, DecisionJournal journal, ProtectedNetworks protectedNetworks, TimeProvider time, IDecisionSink sink, ILogger logger)
    {
        _options = options;
        _enforcer = enforcer;
        _journal = journal;
        _protected = protectedNetworks;
        _time = time;
        _sink = sink;
        _logger = logger;
    }

    public IReadOnlyCollection<Decision> Decisions => _decisions.Values;

    public string EnforcerName => _enforcer.Name;

    /// <summary>Loads the journal, prepares the firewall, finishes what a crash interrupted, and reconciles.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => StartAsync(null, cancellationToken);

    /// <summary>
    /// Loads the journal, prepares the firewall, acts on the decisions file's entries not yet acted on,
    /// finishes what a crash interrupted, expires what is due, and reconciles.
    /// </summary>
    /// <param name="pending">
    /// The decisions file as it is at start. Its entries come before reconciliation: a rollback whose
    /// firewall call completed but whose journal write a crash prevented would otherwise look like a
    /// lost block, be applied again, and only then be rolled back.
    /// </param>
    public async Task StartAsync(OperatorDocument? pending, CancellationToken cancellationToken)
    {
        var document = _journal.Load();
        foreach (var decision in document.Decisions)
        {
            _decisions[decision.Id] = decision;
        }

        _processed.UnionWith(document.Processed);
        foreach (var (target, count) in document.Offenders)
        {
            _offenders[target] = count;
        }

        var prepared = await _enforcer.PrepareAsync(cancellationToken).ConfigureAwait(false);
        if (!prepared.Succeeded)
        {
            throw new RemediationUnavailableException($"the {_enforcer.Name} firewall cannot be prepared: {prepared.Error}");
        }

        if (pending is not null)
        {
            await ApplyOperatorAsync(pending, cancellationToken).ConfigureAwait(false);
        }

        // Applying means we crashed between journal and confirmation; Approved means before the call.
        foreach (var decision in _decisions.Values.Where(d => d.State is DecisionState.Applying or DecisionState.Approved).ToList())
        {
            await ApplyAsync(decision, cancellationToken).ConfigureAwait(false);
        }

        await ExpireAsync(cancellationToken).ConfigureAwait(false);
        await ReconcileAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes new modes (global and per kind), allowlist, TTLs, caps and suppression window for the
    /// decisions made from now on; call it on the engine's loop, like every other method. Blocks
    /// already live stay (a block the new allowlist covers is named in a notice, for the operator
    /// to roll back). Enforcer settings were fixed when the engine was built.
    /// </summary>
    public void Reconfigure(RemediationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var protectedNetworks = ProtectedNetworks.Build(options.Allowlist, _protected.IncludesHost);
        _options = options;
        _protected = protectedNetworks;
        foreach (var decision in _decisions.Values.Where(d => d.IsLive).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            if (_protected.Why(decision.Target) is { } why)
            {
                Notice($"{decision.Id} ({decision.Target}) is live but now protected: {why}; it stays until it expires or is rolled back");
            }
        }
    }

    /// <summary>Records a new state: journal first, then the sink.</summary>
    private Decision Transition(Decision decision, DecisionState state, Func<Decision, Decision>? change = null)
    {
        var next = (change?.Invoke(decision) ?? decision) with { State = state, UpdatedAt = _time.GetUtcNow() };
        _decisions[next.Id] = next;
        Save();
        LogTransition(_logger, next.Id, next.Target.ToString(), state.ToString(), next.Reason);
        _sink.OnDecision(next);
        return next;
    }

    private void Save() => _journal.Save(new JournalDocument
    {
        Decisions = [.. _decisions.Values.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)],
        Processed = [.. _processed.Order(StringComparer.Ordinal)],
        Offenders = new Dictionary<string, int>(_offenders),
    });

    private string NewId(DateTimeOffset now)
    {
        string id;
        do
        {
            id = string.Create(CultureInfo.InvariantCulture, $"ng-{now:yyyyMMdd-HHmmss}-{++_sequence:D3}");
        }
        while (_decisions.ContainsKey(id));

        return id;
    }

    private void Notice(string message)
    {
        LogNotice(_logger, message);
        _sink.OnNotice(message);
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Decision {Id} {Target}: {State} ({Reason})")]
    private static partial void LogTransition(ILogger logger, string id, string target, string state, string reason);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Remediation: {Message}")]
    private static partial void LogNotice(ILogger logger, string message);
}
