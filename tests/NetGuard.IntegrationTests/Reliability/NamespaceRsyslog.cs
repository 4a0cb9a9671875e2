using System.Diagnostics;
using System.Globalization;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>
/// A private rsyslogd inside the lab's namespace "b", listening with imtcp on that namespace's
/// 127.0.0.1, writing each message as "severity|message" to a file in its own temp directory.
/// Stopped (SIGTERM) and started again on the same port; killed by its process id on dispose.
/// </summary>
internal sealed class NamespaceRsyslog : IDisposable
{
    public const int Port = 6514;
    private readonly NetworkLab _lab;
    private readonly string _rsyslogd;
    private Process? _process;

    private NamespaceRsyslog(NetworkLab lab, string rsyslogd)
    {
        _lab = lab;
        _rsyslogd = rsyslogd;
        Directory.CreateDirectory(WorkDirectory);
        File.WriteAllText(ConfigFile, $$"""
            global(workDirectory="{{WorkDirectory}}" processInternalMessages="on" maxMessageSize="64k")
            module(load="imtcp")
            input(type="imtcp" address="127.0.0.1" port="{{Port}}")
            template(name="line" type="string" string="%syslogseverity-text%|%msg%\n")
            if $programname == "rsyslogd" then {
              action(type="omfile" file="{{WorkDirectory}}/internal.log")
              stop
            }
            action(type="omfile" file="{{WorkDirectory}}/messages.log" template="line")
            """);
    }

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "netguard-rsyslog-" + Guid.NewGuid().ToString("N"));

    private string ConfigFile => Path.Combine(WorkDirectory, "rsyslog.conf");

    /// <summary>Why it cannot run here, or null.</summary>
    public static string? Unavailable => Find() is null ? "rsyslogd is not installed (.ci/run installs it)" : null;

    public static NamespaceRsyslog Start(NetworkLab lab)
    {
        var rsyslog = new NamespaceRsyslog(lab, Find()!);
        try
        {
            rsyslog.StartProcess();
            return rsyslog;
        }
        catch
        {
            rsyslog.Dispose();
            throw;
        }
    }

    /// <summary>Messages received so far, in order (complete lines only).</summary>
    public IReadOnlyList<string> Messages()
    {
        var path = Path.Combine(WorkDirectory, "messages.log");
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(stream).ReadToEnd();
        return text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public void StartProcess()
    {
        var internalLog = Path.Combine(WorkDirectory, "internal.log");
        File.Delete(internalLog);
        _process = ProcessRunner.Start("ip", ["netns", "exec", _lab.NamespaceB, _rsyslogd, "-n", "-f", ConfigFile, "-i", Path.Combine(WorkDirectory, "rsyslogd.pid")]);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(internalLog) && File.ReadAllText(internalLog).Contains("] start", StringComparison.Ordinal)))
        {
            if (_process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException("rsyslogd did not start in the namespace");
            }

            Thread.Sleep(100);
        }

        // imtcp listens once "start" is logged; a moment more for the socket.
        Thread.Sleep(300);
    }

    /// <summary>SIGTERM, as a service stop does; returns once it is gone.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        ProcessRunner.Run("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        if (_process is not null)
        {
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
            _process.Dispose();
        }

        Directory.Delete(WorkDirectory, recursive: true);
    }

    private static string? Find() => new[] { "/usr/sbin/rsyslogd", "/sbin/rsyslogd" }.FirstOrDefault(File.Exists);
}
