using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NetGuard.Testing.Lab;

namespace NetGuard.Alerting.Tests.Support;

/// <summary>
/// A private rsyslogd for one test: imudp and imtcp on free loopback ports, imuxsock on a socket in
/// its temp directory (never the system's /dev/log), mmpstrucdata to parse RFC 5424 structured data,
/// and every message written as one JSON line (raw message, header fields, SD as sent and as parsed).
/// Stop and Start keep the ports, so a client sees the same receiver go away and come back.
/// </summary>
internal sealed partial class RsyslogDaemon : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private static readonly Lazy<(string? Path, string? Reason)> Located = new(Locate);

    private readonly TempDirectory _directory = new();
    private Process? _process;

    private RsyslogDaemon()
    {
        UdpPort = FreePort.Udp();
        TcpPort = FreePort.Tcp();
        File.WriteAllText(ConfigFile, Configuration());
    }

    /// <summary>Why rsyslog tests cannot run here, or null.</summary>
    public static string? Unavailable => Located.Value.Reason;

    public int UdpPort { get; }

    public int TcpPort { get; }

    public string SocketPath => _directory.File("log.sock");

    private string ConfigFile => _directory.File("rsyslog.conf");

    private string PidFile => _directory.File("rsyslogd.pid");

    private string OutputFile => _directory.File("messages.json");

    private string InternalFile => _directory.File("internal.log");

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
    public void StartProcess()
    {
        Debug.Assert(_process is null, "already running");
        File.Delete(PidFile);
        File.Delete(InternalFile);
        _process = ProcessRunner.Start(Located.Value.Path!, ["-n", "-f", ConfigFile, "-i", PidFile]);
        var output = new System.Text.StringBuilder();
        _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!Wait.Until(() => _process.HasExited || (Started() && TcpListening()), StartTimeout))
        {
            throw new InvalidOperationException($"rsyslogd did not start within {StartTimeout}: {output} {ReadInternal()}");
        }

        if (_process.HasExited)
        {
            throw new InvalidOperationException($"rsyslogd exited with {_process.ExitCode}: {output} {ReadInternal()}");
        }
    }

    /// <summary>SIGTERM, as a service stop does; SIGKILL if it lingers. Returns once the process is gone.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        ProcessRunner.Run("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>The messages written so far, one parsed JSON object each.</summary>
    public IReadOnlyList<JsonElement> Messages()
    {
        if (!File.Exists(OutputFile))
        {
            return [];
        }

        using var stream = new FileStream(OutputFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
    }

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
        if (_process is not null)
        {
            // Kill this test's own daemon by its process id; nothing else.
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(5));
            _process.Dispose();
            _process = null;
        }

        _directory.Dispose();
    }

    private bool Started() => ReadInternal().Contains("] start", StringComparison.Ordinal);

    private string ReadInternal()
    {
        try
        {
            using var stream = new FileStream(InternalFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
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

    private string Configuration() => $$"""
        global(workDirectory="{{_directory.Path}}" processInternalMessages="on" maxMessageSize="64k")
        module(load="imudp")
        module(load="imtcp")
        module(load="imuxsock" sysSock.use="off")
        module(load="mmpstrucdata")
        input(type="imudp" address="127.0.0.1" port="{{UdpPort}}")
        input(type="imtcp" address="127.0.0.1" port="{{TcpPort}}")
        input(type="imuxsock" socket="{{SocketPath}}")
        template(name="json" type="list" option.jsonf="on") {
          property(outname="input" name="inputname" format="jsonf")
          property(outname="pri" name="pri" format="jsonf")
          property(outname="hostname" name="hostname" format="jsonf")
          property(outname="appname" name="app-name" format="jsonf")
          property(outname="procid" name="procid" format="jsonf")
          property(outname="msgid" name="msgid" format="jsonf")
          property(outname="sd" name="structured-data" format="jsonf")
          property(outname="parsed" name="$!rfc5424-sd" format="jsonf")
          property(outname="msg" name="msg" format="jsonf")
          property(outname="raw" name="rawmsg" format="jsonf")
        }
        if $programname == "rsyslogd" then {
          action(type="omfile" file="{{InternalFile}}")
          stop
        }
        action(type="mmpstrucdata")
        action(type="omfile" file="{{OutputFile}}" template="json")
        """;
}
