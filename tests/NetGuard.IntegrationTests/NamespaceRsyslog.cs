using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary>
/// A private rsyslogd inside a lab namespace: imtcp on 127.0.0.1 of that namespace (so a fixed port
/// collides with nothing), mmpstrucdata to parse RFC 5424 structured data, every message written to
/// a file as one JSON line. Can be stopped (SIGTERM, as a service stop) and started again on the same
/// port; killed by its process id on dispose.
/// </summary>
internal sealed class NamespaceRsyslog : IDisposable
{
    public const int Port = 10514;

    private readonly string _namespace;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netguard-it-rsyslog-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    private NamespaceRsyslog(string ns)
    {
        _namespace = ns;
        Directory.CreateDirectory(_directory);
        File.WriteAllText(ConfigFile, Configuration());
    }

    /// <summary>rsyslogd's path, or null when it is not installed.</summary>
    public static string? Executable { get; } = new[] { "/usr/sbin/rsyslogd", "/sbin/rsyslogd" }.FirstOrDefault(File.Exists);

    /// <summary>Why it cannot run here, or null.</summary>
    public static string? Unavailable => Executable is null ? "rsyslogd is not installed (.ci/run installs it)" : null;

    /// <summary>The file rsyslog writes, one JSON object per message.</summary>
    public string OutputFile => Path.Combine(_directory, "messages.json");

    private string ConfigFile => Path.Combine(_directory, "rsyslog.conf");

    private string InternalFile => Path.Combine(_directory, "internal.log");

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
    public void StartProcess()
    {
        File.Delete(InternalFile);
        _process = ProcessRunner.Start("ip", ["netns", "exec", _namespace, Executable!, "-n", "-f", ConfigFile, "-i", Path.Combine(_directory, "rsyslogd.pid")]);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!Read(InternalFile).Contains("] start", StringComparison.Ordinal))
        {
            if (_process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException($"rsyslogd did not start (exited: {_process.HasExited}): {Read(InternalFile)}");
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

    /// <summary>Complete lines written so far, from line <paramref name="skip"/> on, each parsed.</summary>
    public IReadOnlyList<JsonElement> Messages(int skip = 0)
    {
        var text = Read(OutputFile);
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(skip)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
    }

    /// <summary>Every message so far as "severity|text", in order.</summary>
    public IReadOnlyList<string> Lines() =>
        [.. Messages().Select(m => $"{m.GetProperty("severity").GetString()}|{m.GetProperty("msg").GetString()}")];

    public void Dispose()
    {
        if (_process is not null && !_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private string Configuration() => $$"""
        global(workDirectory="{{_directory}}" processInternalMessages="on" maxMessageSize="64k")
        module(load="imtcp")
        module(load="mmpstrucdata")
        input(type="imtcp" address="127.0.0.1" port="{{Port}}")
        template(name="json" type="list" option.jsonf="on") {
          property(outname="severity" name="syslogseverity-text" format="jsonf")
          property(outname="msgid" name="msgid" format="jsonf")
          property(outname="appname" name="app-name" format="jsonf")
          property(outname="sd" name="structured-data" format="jsonf")
          property(outname="parsed" name="$!rfc5424-sd" format="jsonf")
          property(outname="msg" name="msg" format="jsonf")
        }
        if $programname == "rsyslogd" then {
          action(type="omfile" file="{{InternalFile}}")
          stop
        }
        action(type="mmpstrucdata")
        action(type="omfile" file="{{OutputFile}}" template="json")
        """;
}
