using System.Globalization;
using System.Text;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>
/// Wrappers around the real firewall tools in a directory of their own, for
/// <c>NetGuard:Remediation:ToolDirectory</c>. Each call is logged (arguments and standard input), then
/// passed on to the real tool, or failed, hung or stalled when its text contains the test's pattern
/// (and not its exception). Stalled and hung calls are ended by process id, by the test or on dispose.
/// </summary>
internal sealed class FirewallTools : IDisposable
{
    private static readonly string[] Nftables = ["nft"];
    private static readonly string[] Iptables = ["iptables", "ip6tables", "iptables-restore", "ip6tables-restore"];

    private FirewallTools(string directory, string[] names)
    {
        Directory = directory;
        Names = names;
    }

    public string Directory { get; }

    /// <summary>The tools wrapped.</summary>
    public IReadOnlyList<string> Names { get; }

    private string CallsFile => Path.Combine(Directory, "calls.log");

    /// <summary>Wrappers for every tool the enforcer runs, passing every call on until told otherwise.</summary>
    public static FirewallTools Create(string enforcer)
    {
        var tools = new FirewallTools(Path.Combine(Path.GetTempPath(), "netguard-tools-" + Guid.NewGuid().ToString("N")), enforcer == "nftables" ? Nftables : Iptables);
        System.IO.Directory.CreateDirectory(tools.Directory);
        foreach (var tool in tools.Names)
        {
            var real = new[] { "/usr/sbin", "/sbin", "/usr/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException($"{tool} is not installed");
            var path = Path.Combine(tools.Directory, tool);
            File.WriteAllText(path, Script(real));
            ProcessRunner.Run("chmod", ["0700", path], TimeSpan.FromSeconds(10)).EnsureSuccess("chmod " + path);
        }

        tools.Pass();
        return tools;
    }

    /// <summary>Every call goes to the real tool.</summary>
    public void Pass() => Set("pass", "", "");

    /// <summary>Matching calls exit 1 with a message on stderr.</summary>
    public void Fail(string pattern = "", string unless = "") => Set("fail", pattern, unless);

    /// <summary>Matching calls never end by themselves (until NetGuard's timeout kills them).</summary>
    public void Hang(string pattern = "", string unless = "") => Set("hang", pattern, unless);

    /// <summary>Matching calls wait, holding their input, until the test releases or kills them.</summary>
    public void Stall(string pattern, string unless = "")
    {
        File.Delete(Path.Combine(Directory, "stalled.pids"));
        Set("stall", pattern, unless);
    }

    /// <summary>Deletes the wrappers: the tools are missing.</summary>
    public void RemoveAll()
    {
        foreach (var tool in Names)
        {
            File.Delete(Path.Combine(Directory, tool));
        }
    }

    /// <summary>Everything the tools were asked, in order.</summary>
    public string Calls => File.Exists(CallsFile) ? File.ReadAllText(CallsFile) : "";

    /// <summary>Calls (headed "== tool args") whose header or input contains <paramref name="text"/>.</summary>
    public int CountCalls(string text) =>
        Calls.Split("== ", StringSplitOptions.RemoveEmptyEntries).Count(c => c.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits for a call to stall; returns the wrapper's and its sleep's process ids.</summary>
    public (int Shell, int Sleep) WaitForStall(TimeSpan within)
    {
        var file = Path.Combine(Directory, "stalled.pids");
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            var parts = File.Exists(file) ? File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            if (parts.Length == 2)
            {
                return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
            }

            Thread.Sleep(50);
        }

        throw new Xunit.Sdk.XunitException($"no firewall call stalled within {within}; calls:\n{Calls}");
    }

    /// <summary>Lets a stalled call go on to the real tool (it completes even if NetGuard is dead by now).</summary>
    public static void Release((int Shell, int Sleep) stalled) => Kill(stalled.Sleep, "sleep");

    /// <summary>Kills a stalled call before it reached the real tool, as if it died with NetGuard.</summary>
    public static void KillStalled((int Shell, int Sleep) stalled)
    {
        Kill(stalled.Shell, "bash");
        Kill(stalled.Sleep, "sleep");
    }

    public void Dispose()
    {
        foreach (var name in new[] { "stalled.pids", "hung.pids" })
        {
            var file = Path.Combine(Directory, name);
            if (File.Exists(file))
            {
                foreach (var pid in File.ReadAllText(file).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
                {
                    Kill(int.Parse(pid, CultureInfo.InvariantCulture), "");
                }
            }
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>SIGKILL to one process id, only while it still runs a program of ours (ids are reused).</summary>
    private static void Kill(int pid, string expected)
    {
        string cmdline;
        try
        {
            cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return;
        }

        if ((expected.Length == 0 || cmdline.Contains(expected, StringComparison.Ordinal)) && (cmdline.Contains("netguard-tools-", StringComparison.Ordinal) || cmdline.StartsWith("sleep", StringComparison.Ordinal)))
        {
            ProcessRunner.Run("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        }
    }

    private void Set(string mode, string pattern, string unless)
    {
        File.WriteAllText(Path.Combine(Directory, "pattern"), pattern);
        File.WriteAllText(Path.Combine(Directory, "unless"), unless);
        File.WriteAllText(Path.Combine(Directory, "mode"), mode);
    }

    private static string Script(string real) => new StringBuilder()
        .Append("#!/bin/bash\n")
        .Append("dir=\"$(dirname \"$0\")\"\n")
        .Append("tool=\"$(basename \"$0\")\"\n")
        .Append("input=\"\"\n")
        .Append("stdin=0\n")
        .Append("case \"$tool\" in *-restore) stdin=1 ;; nft) [[ \" $* \" == *\" -f - \"* ]] && stdin=1 ;; esac\n")
        .Append("[ \"$stdin\" = 1 ] && input=\"$(cat)\"\n")
        .Append("{ echo \"== $tool $*\"; [ \"$stdin\" = 1 ] && printf '%s\\n' \"$input\"; } >> \"$dir/calls.log\"\n")
        .Append("mode=\"$(cat \"$dir/mode\" 2>/dev/null)\"\n")
        .Append("pattern=\"$(cat \"$dir/pattern\" 2>/dev/null)\"\n")
        .Append("unless=\"$(cat \"$dir/unless\" 2>/dev/null)\"\n")
        .Append("text=\"$tool $* $input\"\n")
        .Append("if [ \"$mode\" != pass ] && [[ \"$text\" == *\"$pattern\"* ]] && { [ -z \"$unless\" ] || [[ \"$text\" != *\"$unless\"* ]]; }; then\n")
        .Append("  case \"$mode\" in\n")
        .Append("    fail) echo \"$tool: refused by the test's wrapper\" >&2; exit 1 ;;\n")
        .Append("    hang) echo \"$$\" >> \"$dir/hung.pids\"; exec sleep 600 ;;\n")
        .Append("    stall) sleep 600 & echo \"$$ $!\" > \"$dir/stalled.pids\"; wait $! ;;\n")
        .Append("  esac\n")
        .Append("fi\n")
        .Append("if [ \"$stdin\" = 1 ]; then printf '%s\\n' \"$input\" | ").Append(real).Append(" \"$@\"; else exec ").Append(real).Append(" \"$@\"; fi\n")
        .ToString();
}
