using System.Diagnostics;
using NetGuard.Testing;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary>
/// <c>netguard run</c> inside a lab namespace, as its own process, with its state and decisions
/// file in a temporary directory. Stopped with SIGTERM (or killed by PID) on dispose.
/// </summary>
internal sealed class Daemon : IDisposable
{
    private readonly ServiceProcess _process;

    /// <param name="configFile">Passed as <c>--config</c> (the daemon then watches it for reloads); none by default.</param>
    public Daemon(NetworkLab lab, IReadOnlyDictionary<string, string>? settings = null, string? stateDirectory = null, string? configFile = null)
    {
        StateDirectory = stateDirectory ?? Path.Combine(Path.GetTempPath(), "netguard-it-state-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(StateDirectory);
        Environment = new Dictionary<string, string>
        {
            ["NetGuard__State__Directory"] = StateDirectory,
            ["NetGuard__Remediation__DecisionsFile"] = Path.Combine(StateDirectory, "decisions.json"),
            ["NetGuard__Remediation__ReconcileInterval"] = "00:00:05",

            // Each lab namespace has its own loopback, so daemons could not collide on the metrics
            // port anyway; a test that scrapes turns metrics on and picks its port.
            ["NetGuard__Metrics__Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Environment[key] = value;
        }

        string[] config = configFile is null ? [] : ["--config", configFile];
        _process = new ServiceProcess("ip", ["netns", "exec", lab.NamespaceB, .. RepositoryPaths.NetguardCommand, "run", .. config], Environment);
    }

    public Dictionary<string, string> Environment { get; }

    public string StateDirectory { get; }

    public int ProcessId => _process.ProcessId;

    public string Log => _process.Log;

    /// <summary>Waits until the log shows <paramref name="text"/>; fails with the log if it does not within the time.</summary>
    public void WaitFor(string text, TimeSpan within) => _process.WaitFor(text, within);

    /// <summary>Runs a netguard CLI command against this daemon's state and decisions file.</summary>
    public ProcessRunner.Result Cli(params string[] arguments) => RunCli(Environment, arguments);

    /// <summary>Runs a netguard CLI command with these NetGuard__ settings and no daemon.</summary>
    public static ProcessRunner.Result RunCli(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var args = new List<string> { "-i" };
        args.AddRange(System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => !k.StartsWith("NetGuard__", StringComparison.Ordinal))
            .Select(k => $"{k}={System.Environment.GetEnvironmentVariable(k)}"));
        args.AddRange(environment.Select(kv => $"{kv.Key}={kv.Value}"));
        args.AddRange([.. RepositoryPaths.NetguardCommand, .. arguments]);
        return ProcessRunner.Run("env", args, TimeSpan.FromSeconds(60));
    }

    /// <summary>Polls <c>netguard blocks</c> until a line matches; returns that line.</summary>
    public string WaitForBlockLine(Func<string, bool> match, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var output = Cli("blocks").StandardOutput;
            var line = output.Split('\n').FirstOrDefault(match);
            if (line is not null)
            {
                return line;
            }

            if (deadline.Elapsed > within)
            {
                throw new Xunit.Sdk.XunitException($"no matching line in netguard blocks within {within}:\n{output}\nlog:\n{Log}");
            }

            Thread.Sleep(250);
        }
    }

    /// <summary>Kills the daemon with SIGKILL, as a crash would: no cleanup, no journal flush beyond what it already did.</summary>
    public void Crash() => _process.Crash();

    /// <summary>Leaves the state directory for a restarted daemon (the test deletes it).</summary>
    public bool KeepState { get; set; }

    /// <summary>SIGTERM, as systemd stops it; returns the exit code.</summary>
    public int Stop() => _process.Stop();

    public void Dispose()
    {
        _process.Dispose();
        if (!KeepState && Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
