using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>An attack tool running in the attacker's namespace; bounded by its own count and a hard timeout, killed by its id if it overstays.</summary>
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
