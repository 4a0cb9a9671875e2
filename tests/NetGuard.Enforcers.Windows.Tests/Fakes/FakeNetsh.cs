using System.Globalization;
using System.Net;
using System.Text;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Windows.Tests.Fakes;

/// <summary>
/// An in-memory Windows Firewall that answers <c>netsh advfirewall firewall add|set|delete|show rule</c>
/// the way netsh does (its parameter names, its "No rules match" with exit code 1, its output layout
/// with CRLF and addresses shown as "a.b.c.d/32" or "a.b.c.0/255.255.255.0"), and records every call.
/// Anything else, including parameters netsh does not know (such as <c>group=</c> on add), fails.
/// </summary>
internal sealed class FakeNetsh : ICommandRunner
{
    private static readonly HashSet<string> AddKeys =
        ["name", "dir", "action", "program", "service", "description", "enable", "profile", "localip", "remoteip", "localport", "remoteport", "protocol", "interfacetype", "rmtcomputergrp", "rmtusrgrp", "edge", "security"];

    private static readonly HashSet<string> SelectorKeys = ["name", "group", "dir", "profile", "program", "service", "localip", "remoteip", "localport", "remoteport", "protocol"];

    private readonly Lock _lock = new();

    public List<FakeRule> Rules { get; } = [];

    public List<string[]> Calls { get; } = [];

    /// <summary>The firewall's default inbound/outbound policy, which no enforcer may change.</summary>
    public string Policy { get; set; } = "BlockInbound,AllowOutbound";

    /// <summary>When set and returning a result for a call, that result is returned instead (a fault).</summary>
    public Func<string[], CommandResult?>? Fault { get; set; }

    /// <summary>Calls other than <c>show</c>: what changed the firewall.</summary>
    public List<string[]> Changes => [.. Calls.Where(c => c.Length > 2 && c[2] != "show")];

    public Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var args = arguments.ToArray();
            Calls.Add(args);
            if (program != "netsh")
            {
                return Task.FromResult(new CommandResult(127, "", program + ": not found"));
            }

            if (Fault?.Invoke(args) is { } fault)
            {
                return Task.FromResult(fault);
            }

            return Task.FromResult(args is ["advfirewall", "firewall", var verb, "rule", .. var rest] ? Rule(verb, rest) : Usage());
        }
    }

    /// <summary>What <c>netsh advfirewall firewall show rule name=all</c> prints for the rules that <paramref name="include"/> selects.</summary>
    public string Render(Func<FakeRule, bool> include)
    {
        lock (_lock)
        {
            var s = new StringBuilder("\r\n");
            foreach (var rule in Rules.Where(include))
            {
                Line(s, "Rule Name", rule.Name);
                s.Append(new string('-', 70)).Append("\r\n");
                Line(s, "Enabled", rule.Enabled);
                Line(s, "Direction", rule.Direction);
                Line(s, "Profiles", rule.Profiles);
                Line(s, "Grouping", rule.Grouping);
                Line(s, "LocalIP", "Any");
                Line(s, "RemoteIP", rule.RemoteIp);
                Line(s, "Protocol", rule.Protocol);
                if (rule.LocalPort is { } port)
                {
                    Line(s, "LocalPort", port);
                    Line(s, "RemotePort", "Any");
                }

                Line(s, "Edge traversal", "No");
                Line(s, "Action", rule.Action);
                s.Append("\r\n");
            }

            return s.Append("Ok.\r\n\r\n").ToString();
        }
    }

    private CommandResult Rule(string verb, string[] rest)
    {
        var newAt = Array.IndexOf(rest, "new");
        var selectors = Pairs(newAt < 0 ? rest : rest[..newAt]);
        var values = newAt < 0 ? null : Pairs(rest[(newAt + 1)..]);
        if (selectors is null || (newAt >= 0 && values is null))
        {
            return Usage();
        }

        switch (verb)
        {
            case "add" when values is null && selectors.Keys.All(AddKeys.Contains) && selectors.ContainsKey("name") && selectors.ContainsKey("dir") && selectors.ContainsKey("action"):
                var rule = new FakeRule { Name = selectors["name"], Direction = Direction(selectors["dir"]), Action = Capital(selectors["action"]), Description = selectors.GetValueOrDefault("description") ?? "" };
                if (selectors.TryGetValue("remoteip", out var remote))
                {
                    if (Display(remote) is not { } shown)
                    {
                        return Invalid("remoteip");
                    }

                    rule.RemoteIp = shown;
                }

                Rules.Add(rule);
                return new CommandResult(0, "Ok.\r\n\r\n", "");
            case "set" when values is not null && selectors.Keys.All(SelectorKeys.Contains) && values.Keys.All(k => AddKeys.Contains(k)):
                var matches = Match(selectors);
                if (matches.Count == 0)
                {
                    return NoMatch();
                }

                if (values.TryGetValue("remoteip", out var newRemote))
                {
                    if (Display(newRemote) is not { } shownRemote)
                    {
                        return Invalid("remoteip");
                    }

                    matches.ForEach(m => m.RemoteIp = shownRemote);
                }

                return new CommandResult(0, $"\r\nUpdated {matches.Count} rule(s).\r\nOk.\r\n\r\n", "");
            case "delete" when values is null && selectors.Keys.All(SelectorKeys.Contains) && selectors.ContainsKey("name"):
                var doomed = Match(selectors);
                if (doomed.Count == 0)
                {
                    return NoMatch();
                }

                Rules.RemoveAll(doomed.Contains);
                return new CommandResult(0, $"\r\nDeleted {doomed.Count} rule(s).\r\nOk.\r\n\r\n", "");
            case "show" when values is null && selectors.ContainsKey("name") && selectors.Keys.All(k => k is "name" or "dir" or "profile" or "type" or "status" or "verbose"):
                var shownRules = Match(selectors);
                return shownRules.Count == 0 ? NoMatch() : new CommandResult(0, Render(shownRules.Contains), "");
            default:
                return Usage();
        }
    }

    private List<FakeRule> Match(Dictionary<string, string> selectors) =>
        [.. Rules.Where(r =>
            (selectors["name"] == "all" || r.Name.Equals(selectors["name"], StringComparison.OrdinalIgnoreCase))
            && (!selectors.TryGetValue("dir", out var dir) || r.Direction == Direction(dir)))];

    /// <summary>key=value arguments; a bare word (other than "verbose") is a usage error.</summary>
    private static Dictionary<string, string>? Pairs(string[] args)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg == "verbose")
            {
                pairs["verbose"] = "";
                continue;
            }

            if (eq <= 0 || !pairs.TryAdd(arg[..eq].ToLowerInvariant(), arg[(eq + 1)..]))
            {
                return null;
            }
        }

        return pairs;
    }

    /// <summary>How netsh shows a remoteip list: hosts with /32 or /128, IPv4 prefixes with a dotted mask.</summary>
    private static string? Display(string remoteip)
    {
        var shown = new List<string>();
        foreach (var entry in remoteip.Split(','))
        {
            if (entry.Equals("any", StringComparison.OrdinalIgnoreCase))
            {
                shown.Add("Any");
                continue;
            }

            if (!NetPrefix.TryParse(entry, out var prefix))
            {
                return null;
            }

            if (!prefix.IsIPv4 || prefix.Length == 32)
            {
                shown.Add(prefix.ToString());
                continue;
            }

            var mask = new IPAddress(IPAddress.HostToNetworkOrder(unchecked((int)(uint.MaxValue << (32 - prefix.Length)))));
            shown.Add($"{prefix.Network}/{mask}");
        }

        return string.Join(',', shown);
    }

    private static string Direction(string dir) => dir.Equals("in", StringComparison.OrdinalIgnoreCase) ? "In" : "Out";

    private static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    private static void Line(StringBuilder s, string key, string value) =>
        s.Append(CultureInfo.InvariantCulture, $"{key + ":",-38}{value}\r\n");

    private static CommandResult NoMatch() => new(1, "No rules match the specified criteria.\r\n\r\n", "");

    private static CommandResult Invalid(string key) => new(1, $"The value given for {key} is not valid.\r\n\r\n", "");

    private static CommandResult Usage() => new(1, "The syntax supplied for this command is not valid. Check help for the correct syntax.\r\n\r\n", "");
}

/// <summary>One rule of the fake firewall.</summary>
internal sealed class FakeRule
{
    public required string Name { get; init; }

    public string Direction { get; init; } = "In";

    public string Action { get; init; } = "Block";

    public string Enabled { get; init; } = "Yes";

    public string Profiles { get; init; } = "Domain,Private,Public";

    public string Grouping { get; init; } = "";

    public string RemoteIp { get; set; } = "Any";

    public string Protocol { get; init; } = "Any";

    public string? LocalPort { get; init; }

    public string Description { get; init; } = "";
}
