using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NetGuard.Testing;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary>
/// A running <c>netguard capture</c> inside namespace "b" of a lab, started as its own process the
/// way an operator would run it, and stopped by its --count (or killed by PID at the time limit).
/// </summary>
internal sealed class LiveCapture : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveCapture(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_stdout) { _stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }

            if (e.Data.Contains("capturing on", StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static LiveCapture Start(NetworkLab lab, long count, params string[] extra)
    {
        string[] args = ["netns", "exec", lab.NamespaceB, .. RepositoryPaths.NetguardCommand, "capture", lab.InterfaceB, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--duration", "00:01:00", "--json", "--stats", .. extra];
        return new LiveCapture(ProcessRunner.Start("ip", args));
    }

    public int ProcessId => _process.Id;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Waits until the capture is open (it says so on stderr), so nothing sent afterwards is missed.</summary>
    public void WaitUntilReady()
    {
        if (!_ready.Task.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("netguard capture did not start: " + StandardError);
        }
    }

    /// <summary>Waits for the process to exit and returns its exit code and JSON lines.</summary>
    public (int ExitCode, List<JsonElement> Lines) Finish(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            throw new TimeoutException("netguard capture did not stop in time; killed. stderr: " + StandardError);
        }

        _process.WaitForExit();
        var lines = new List<JsonElement>();
        string text;
        lock (_stdout)
        {
            text = _stdout.ToString();
        }

        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            lines.Add(doc.RootElement.Clone());
        }

        return (_process.ExitCode, lines);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
