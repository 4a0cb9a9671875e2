using System.Diagnostics;
using System.Text.Json;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>
/// A private rsyslogd inside a lab namespace: imtcp on 127.0.0.1 of that namespace (so a fixed port
/// collides with nothing), mmpstrucdata to parse RFC 5424 structured data, every message written to
/// a file as one JSON line. Started and killed by its process id.
/// </summary>
internal sealed class NamespaceRsyslog : IDisposable
{
    public const int Port = 10514;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netguard-e2e-rsyslog-" + Guid.NewGuid().ToString("N"));
    private readonly Process _process;

    private NamespaceRsyslog(string ns)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(ConfigFile, Configuration());
        _process = ProcessRunner.Start("ip", ["netns", "exec", ns, Executable!, "-n", "-f", ConfigFile, "-i", Path.Combine(_directory, "rsyslogd.pid")]);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>rsyslogd's path, or null when it is not installed.</summary>
    public static string? Executable { get; } = new[] { "/usr/sbin/rsyslogd", "/sbin/rsyslogd" }.FirstOrDefault(File.Exists);

    /// <summary>The file rsyslog writes, one JSON object per message.</summary>
    public string OutputFile => Path.Combine(_directory, "messages.json");

    private string ConfigFile => Path.Combine(_directory, "rsyslog.conf");

    private string InternalFile => Path.Combine(_directory, "internal.log");

    /// <summary>Starts rsyslogd in <paramref name="ns"/> and waits (bounded) until it reports its start.</summary>
    public static NamespaceRsyslog Start(string ns)
    {
        var rsyslog = new NamespaceRsyslog(ns);
        try
        {
            var clock = Stopwatch.StartNew();
            while (!Read(rsyslog.InternalFile).Contains("] start", StringComparison.Ordinal))
            {
                if (rsyslog._process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(15))
                {
                    throw new InvalidOperationException($"rsyslogd did not start (exited: {rsyslog._process.HasExited}): {Read(rsyslog.InternalFile)}");
                }

                Thread.Sleep(100);
            }

            return rsyslog;
        }
        catch
        {
            rsyslog.Dispose();
            throw;
        }
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

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
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
