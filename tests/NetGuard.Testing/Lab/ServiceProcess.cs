using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NetGuard.Testing.Lab;

/// <summary>
/// A long-running program under test (a daemon), started with an argument list: its standard output
/// and error are collected into one log, a test waits for a line to show up, stops it with SIGTERM as
/// a service manager would, or kills it by its process id (as a crash, or on dispose).
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public ServiceProcess(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        _process = ProcessRunner.Start(program, arguments, environment: environment);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything it wrote so far, standard output and error interleaved.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Waits until the log shows <paramref name="text"/>; throws with the log if it does not within the time or the process ends.</summary>
    public void WaitFor(string text, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!Log.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > within || _process.HasExited)
            {
                throw new TimeoutException($"'{text}' not in the log within {within} (exited: {_process.HasExited}):\n{Log}");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>SIGTERM, then up to <paramref name="grace"/> (30 s by default) to exit before it is killed; returns the exit code.</summary>
    public int Stop(TimeSpan? grace = null)
    {
        if (!_process.HasExited)
        {
            ProcessRunner.Run("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            if (!_process.WaitForExit(grace ?? TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash: no cleanup.</summary>
    public void Crash()
    {
        ProcessRunner.Run("kill", ["-KILL", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        _process.WaitForExit();
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

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
