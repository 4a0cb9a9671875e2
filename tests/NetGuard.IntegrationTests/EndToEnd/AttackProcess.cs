using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>An attack tool running in the attacker's namespace; bounded by its own count and a hard timeout, stopped or killed by its id.</summary>
internal sealed class AttackProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public AttackProcess(string ns, IReadOnlyList<string> command)
    {
        Command = string.Join(' ', command);
        _process = ProcessRunner.Start("ip", ["netns", "exec", ns, .. command]);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Command { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits for the tool to end; kills it (by its id) when it does not within <paramref name="limit"/>.</summary>
    public void Finish(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit))
        {
            Kill();
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"'{Command}' ran past {limit}; killed. Output:\n{Output}"));
        }

        _process.WaitForExit();
    }

    /// <summary>Ends the tool as Ctrl+C would (SIGINT to its id), so it reports what it sent; kills it if it lingers.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            ProcessRunner.Run("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                Kill();
            }
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
