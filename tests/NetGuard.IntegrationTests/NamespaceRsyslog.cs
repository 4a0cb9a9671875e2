using System.Globalization;
using System.Text.Json;
using NetGuard.Testing.Lab;
using NetGuard.Testing.Syslog;

namespace NetGuard.IntegrationTests;

/// <summary>
/// A private rsyslogd inside a lab namespace: imtcp on 127.0.0.1 of that namespace (so a fixed port
/// collides with nothing), each message written as one JSON line with its severity, ids, structured
/// data (as sent and parsed) and text. Can be stopped (SIGTERM, as a service stop) and started again
/// on the same port; killed by its process id on dispose.
/// </summary>
internal sealed class NamespaceRsyslog : IDisposable
{
    public const int Port = 10514;

    private readonly RsyslogProcess _rsyslog;

    private NamespaceRsyslog(string ns) =>
        _rsyslog = new RsyslogProcess(
            $"""
            module(load="imtcp")
            input(type="imtcp" address="127.0.0.1" port="{Port}")
            """,
            [("severity", "syslogseverity-text"), ("msgid", "msgid"), ("appname", "app-name"), ("sd", "structured-data"), ("parsed", "$!rfc5424-sd"), ("msg", "msg")],
            ns,
            () => Listening(ns));

    /// <summary>Why it cannot run here, or null.</summary>
    public static string? Unavailable => RsyslogProcess.Unavailable;

    /// <summary>The file rsyslog writes, one JSON object per message.</summary>
    public string OutputFile => _rsyslog.OutputFile;

    /// <summary>Starts rsyslogd in <paramref name="ns"/> and waits (bounded) until it listens.</summary>
    public static NamespaceRsyslog Start(string ns)
    {
        var rsyslog = new NamespaceRsyslog(ns);
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

    /// <summary>Starts it in the lab's namespace "b", where the daemon under test runs.</summary>
    public static NamespaceRsyslog Start(NetworkLab lab) => Start(lab.NamespaceB);

    /// <summary>Starts the process (again, after <see cref="Stop"/>); returns once imtcp listens.</summary>
    public void StartProcess() => _rsyslog.Start();

    /// <summary>SIGTERM, as a service stop does; returns once it is gone.</summary>
    public void Stop() => _rsyslog.Stop();

    /// <summary>Complete lines written so far, from line <paramref name="skip"/> on, each parsed.</summary>
    public IReadOnlyList<JsonElement> Messages(int skip = 0) => _rsyslog.Messages(skip);

    /// <summary>Every message so far as "severity|text", in order.</summary>
    public IReadOnlyList<string> Lines() =>
        [.. Messages().Select(m => $"{m.GetProperty("severity").GetString()}|{m.GetProperty("msg").GetString()}")];

    public void Dispose() => _rsyslog.Dispose();

    /// <summary>Something listens on <see cref="Port"/> in the namespace (asked of <c>ss</c> there).</summary>
    private static bool Listening(string ns) =>
        ProcessRunner.Run("ip", ["netns", "exec", ns, "ss", "-Htln", "sport = :" + Port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5))
            .StandardOutput.Trim().Length > 0;
}
