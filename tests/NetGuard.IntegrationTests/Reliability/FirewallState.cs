using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Linux;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>
/// The two sides a crash test compares: the journal file (read directly, it is replaced atomically)
/// and what the firewall in the lab's namespace holds, listed by NetGuard's own enforcer code.
/// </summary>
internal static class FirewallState
{
    public static List<JournalEntry> Journal(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "journal.json");
        if (!File.Exists(path))
        {
            return [];
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("decisions").EnumerateArray().Select(d => new JournalEntry(
            d.GetProperty("id").GetString()!,
            NetPrefix.Parse(d.GetProperty("target").GetString()!),
            d.GetProperty("state").GetString()!,
            d.TryGetProperty("expiresAt", out var e) ? e.GetDateTimeOffset() : null)).ToList();
    }

    /// <summary>Polls the journal until <paramref name="until"/> holds; fails with the daemon's log if it does not in time.</summary>
    public static List<JournalEntry> WaitForJournal(string stateDirectory, Func<List<JournalEntry>, bool> until, TimeSpan within, Daemon? daemon = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            List<JournalEntry> journal;
            try
            {
                journal = Journal(stateDirectory);
            }
            catch (IOException)
            {
                journal = [];
            }

            if (until(journal))
            {
                return journal;
            }

            if (clock.Elapsed > within)
            {
                throw new Xunit.Sdk.XunitException($"the journal did not reach the expected state within {within}:\n{string.Join('\n', journal)}\nlog:\n{daemon?.Log}");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>Rewrites one decision's state in the journal, as a crash right after that transition was journalled leaves it.</summary>
    public static void SetState(string stateDirectory, string id, string state)
    {
        var path = Path.Combine(stateDirectory, "journal.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var decision = root["decisions"]!.AsArray().Single(d => (string?)d!["id"] == id)!;
        decision["state"] = state;
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>NetGuard's blocks in the namespace's firewall.</summary>
    public static IReadOnlyList<OwnedRule> Firewall(NetworkLab lab, string enforcer)
    {
        var runner = new ProcessCommandRunner(["ip", "netns", "exec", lab.NamespaceB]);
        IFirewallEnforcer reader = enforcer == "nftables" ? new NftablesEnforcer(runner) : new IptablesEnforcer(runner);
        return reader.ListAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// The state a finished restart must reach: nothing half-done in the journal, and the firewall
    /// holding exactly the active blocks, each under its decision's id: none lost, none revived, no orphan.
    /// </summary>
    public static void AssertMatches(NetworkLab lab, string enforcer, string stateDirectory)
    {
        var journal = Journal(stateDirectory);
        var firewall = Firewall(lab, enforcer);
        var context = $"journal:\n{string.Join('\n', journal)}\nfirewall:\n{string.Join('\n', firewall)}";
        Assert.DoesNotContain(journal, d => d.State is "Approved" or "Applying");
        var now = DateTimeOffset.UtcNow;
        var active = journal.Where(d => d.State == "Active" && d.ExpiresAt > now).ToDictionary(d => d.Target);
        foreach (var rule in firewall)
        {
            Assert.True(active.TryGetValue(rule.Target, out var decision), $"orphan or revived block {rule.Target} in the firewall\n{context}");
            Assert.True(rule.DecisionId == decision.Id, $"{rule.Target} is in the firewall under {rule.DecisionId}, the journal says {decision.Id}\n{context}");
        }

        foreach (var target in active.Keys)
        {
            Assert.True(firewall.Any(r => r.Target == target), $"active block {target} lost from the firewall\n{context}");
        }
    }
}
