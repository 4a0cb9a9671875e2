using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NetGuard.Testing.Syslog;

namespace NetGuard.Alerting.Tests.Support;

/// <summary>
/// A private rsyslogd for one test: imudp and imtcp on free loopback ports, imuxsock on a socket in
/// its own directory (never the system's /dev/log), and every message written as one JSON line (raw
/// message, header fields, SD as sent and as parsed). Stop and Start keep the ports, so a client sees
/// the same receiver go away and come back.
/// </summary>
internal sealed class RsyslogDaemon : IDisposable
{
    private readonly RsyslogProcess _rsyslog;

    private RsyslogDaemon()
    {
        UdpPort = FreePort.Udp();
        TcpPort = FreePort.Tcp();
        var socket = Path.Combine(Path.GetTempPath(), "netguard-log-" + Guid.NewGuid().ToString("N") + ".sock");
        _rsyslog = new RsyslogProcess(
            $"""
            module(load="imudp")
            module(load="imtcp")
            module(load="imuxsock" sysSock.use="off")
            input(type="imudp" address="127.0.0.1" port="{UdpPort}")
            input(type="imtcp" address="127.0.0.1" port="{TcpPort}")
            input(type="imuxsock" socket="{socket}")
            """,
            [
                ("input", "inputname"), ("pri", "pri"), ("hostname", "hostname"), ("appname", "app-name"), ("procid", "procid"),
                ("msgid", "msgid"), ("sd", "structured-data"), ("parsed", "$!rfc5424-sd"), ("msg", "msg"), ("raw", "rawmsg"),
            ],
            netns: null,
            TcpListening);
        SocketPath = socket;
    }

    /// <summary>Why rsyslog tests cannot run here, or null.</summary>
    public static string? Unavailable => RsyslogProcess.Unavailable;

    public int UdpPort { get; }

    public int TcpPort { get; }

    public string SocketPath { get; }

    public static RsyslogDaemon Start()
    {
        var daemon = new RsyslogDaemon();
        try
        {
            daemon.StartProcess();
            return daemon;
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }

    /// <summary>Starts rsyslogd (again) on the same ports and waits until it is listening.</summary>
    public void StartProcess() => _rsyslog.Start();

    /// <summary>SIGTERM, as a service stop does; SIGKILL if it lingers. Returns once the process is gone.</summary>
    public void Stop() => _rsyslog.Stop();

    /// <summary>The messages written so far, one parsed JSON object each.</summary>
    public IReadOnlyList<JsonElement> Messages() => _rsyslog.Messages();

    /// <summary>Waits (bounded) until <paramref name="count"/> messages match, and returns those.</summary>
    public IReadOnlyList<JsonElement> WaitForMessages(Func<JsonElement, bool> match, int count, TimeSpan timeout)
    {
        List<JsonElement> found = [];
        Wait.Until(() => (found = Messages().Where(match).ToList()).Count >= count, timeout);
        return found.Count >= count
            ? found
            : throw new TimeoutException($"{found.Count} of {count} messages within {timeout}; rsyslog wrote: {string.Join('\n', Messages())}");
    }

    public void Dispose()
    {
        _rsyslog.Dispose();
        File.Delete(SocketPath);
    }

    private bool TcpListening()
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Connect(new IPEndPoint(IPAddress.Loopback, TcpPort));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
