using System.CommandLine;
using NetGuard.Configuration;
using NetGuard.Core.Capture;
using NetGuard.Hosting;
using NetGuard.Replay;

namespace NetGuard.Cli;

/// <summary>The <c>netguard</c> command tree. Every command turns known failures into one line on stderr and an exit code.</summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        var configOption = new Option<string?>("--config") { Description = "Configuration file (JSON, section NetGuard); defaults are embedded." };

        var file = new Argument<string>("file") { Description = "A pcap or pcapng capture file (the format is read from the file, not its name)." };
        var json = new Option<bool>("--json") { Description = "Write JSON lines to stdout (alerts, decisions, then a summary) and nothing else." };
        var stats = new Option<bool>("--stats") { Description = "With --json, also write a host-second line per host per second." };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report (rates, alerting hosts' series and baselines, alerts, decisions) to this file." };
        var replay = new Command("replay", "Run a capture file through the detection pipeline at full speed.") { file, configOption, json, stats, report };
        replay.SetAction((parse, ct) => Guard(() => ReplayCommand.RunAsync(
            new ReplayRequest(parse.GetValue(file)!, parse.GetValue(configOption), parse.GetValue(json), parse.GetValue(stats), parse.GetValue(report)),
            Console.OpenStandardOutput(),
            Console.Error,
            ct)));

        var interfaces = new Argument<string[]>("interface") { Description = "Interfaces to capture on (default: the configured ones, else the first up non-loopback).", Arity = ArgumentArity.ZeroOrMore };
        var filter = new Option<string?>("--filter") { Description = "BPF filter, tcpdump syntax (overrides NetGuard:Capture:Filter)." };
        var count = new Option<long?>("--count") { Description = "Stop after this many frames." };
        var duration = new Option<TimeSpan?>("--duration") { Description = "Stop after this long (hh:mm:ss)." };
        var captureJson = new Option<bool>("--json") { Description = "Write JSON lines to stdout, a summary last, as replay does." };
        var captureStats = new Option<bool>("--stats") { Description = "With --json, also write a host-second line per host per second." };
        var capture = new Command("capture", "Capture live for a count or a duration and print what replay prints.") { interfaces, configOption, filter, count, duration, captureJson, captureStats };
        capture.SetAction((parse, ct) => Guard(() => CaptureCommand.RunAsync(
            new CaptureRequest(parse.GetValue(interfaces) ?? [], parse.GetValue(configOption), parse.GetValue(filter), parse.GetValue(count), parse.GetValue(duration), parse.GetValue(captureJson), parse.GetValue(captureStats)),
            Console.OpenStandardOutput(),
            Console.Error,
            ct)));

        var run = new Command("run", "Run the capture service (systemd, Windows Service or console).") { configOption };
        run.SetAction((parse, ct) => Guard(() => RunCommand.RunAsync(parse.GetValue(configOption), ct)));

        var checkFile = new Argument<string?>("file") { Description = "The configuration file to check (default: /etc/netguard/netguard.json, else the embedded defaults).", Arity = ArgumentArity.ZeroOrOne };
        var checkConfig = new Command("check-config", "Validate a configuration file without starting anything.") { checkFile };
        checkConfig.SetAction((parse, ct) => Guard(() =>
        {
            var path = parse.GetValue(checkFile) ?? Hosting.RunCommand.DefaultConfigFile();
            var settings = NetGuardSettings.Load(path);
            Console.Out.WriteLine($"netguard: configuration ok ({path ?? "embedded defaults"}): mode {settings.Remediation.Mode}, enforcer {settings.Remediation.Enforcer}, interfaces {(settings.Capture.Interfaces.Count == 0 ? "first up non-loopback" : string.Join(", ", settings.Capture.Interfaces))}");
            return Task.FromResult(ExitCodes.Ok);
        }));

        var all = new Option<bool>("--all") { Description = "Also show decisions that ended more than a day ago." };
        var blocks = new Command("blocks", "Show decisions (proposed, active, ended) and edits waiting in the decisions file.") { configOption, all };
        blocks.SetAction((parse, ct) => Guard(() => Task.FromResult(DecisionCommands.Blocks(parse.GetValue(configOption), parse.GetValue(all), Console.Out))));

        var statusJson = new Option<bool>("--json") { Description = "Write the status as one JSON object (for scripts and monitoring)." };
        var status = new Command("status", "Show what the running daemon is doing: interfaces, rates, drops, blocks, uptime, configuration, last reload. Exit 4 when no daemon runs.") { configOption, statusJson };
        status.SetAction((parse, ct) => Guard(() => Task.FromResult(StatusCommand.Run(parse.GetValue(configOption), parse.GetValue(statusJson), Console.Out, Console.Error, TimeProvider.System))));

        var root = new RootCommand("NetGuard: network anomaly detection with reversible firewall remediation.") { replay, capture, run, blocks, checkConfig, status };
        foreach (var (verb, help) in new[]
        {
            ("approve", "Approve a proposed block: netguard approve ID"),
            ("reject", "Reject a proposed block: netguard reject ID"),
            ("rollback", "Remove an active block now: netguard rollback ID|ADDRESS"),
            ("block", "Block an address or prefix by hand: netguard block ADDRESS [--ttl hh:mm:ss] [--reason TEXT]"),
        })
        {
            var value = new Argument<string>(verb == "block" ? "address" : verb == "rollback" ? "id-or-address" : "id");
            var ttl = new Option<string?>("--ttl") { Description = "How long the block lasts (default NetGuard:Remediation:DefaultTtl)." };
            var reason = new Option<string?>("--reason") { Description = "Why, for the journal and the logs." };
            var command = new Command(verb, help) { value, configOption };
            if (verb == "block")
            {
                command.Add(ttl);
                command.Add(reason);
            }

            command.SetAction((parse, ct) => Guard(() => Task.FromResult(DecisionCommands.Edit(
                verb, parse.GetValue(value)!, parse.GetValue(ttl), parse.GetValue(reason), parse.GetValue(configOption), Console.Out, Console.Error))));
            root.Add(command);
        }

        return root;
    }

    /// <summary>Known failures become one line on stderr and an exit code; no stack trace for an operator's mistake.</summary>
    private static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"netguard: configuration: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (InvalidDataException e)
        {
            await Console.Error.WriteLineAsync($"netguard: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Capture.Files.CaptureFileException e)
        {
            await Console.Error.WriteLineAsync($"netguard: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (CaptureException e)
        {
            await Console.Error.WriteLineAsync($"netguard: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("NETGUARD_DEBUG") is null)
        {
            await Console.Error.WriteLineAsync($"netguard: unexpected error: {e.GetType().Name}: {e.Message} (set NETGUARD_DEBUG=1 for details)").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
