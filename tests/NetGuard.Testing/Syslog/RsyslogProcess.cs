using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NetGuard.Testing.Lab;

namespace NetGuard.Testing.Syslog;

/// <summary>
/// A private rsyslogd for tests, in a directory of its own: the caller names the inputs and the
/// fields each message is written with; the rest is the same for every test (rsyslog's own messages
/// to a file of their own, mmpstrucdata to parse RFC 5424 structured data, every message as one JSON
/// line). It runs in this machine's namespace or inside a test namespace, can be stopped with
/// SIGTERM (as a service stop) and started again with the same configuration, and is killed by its
/// process id on dispose.
/// </summary>
public sealed partial class RsyslogProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly Lazy<(string? Path, string? Reason)> Located = new(Locate);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netguard-rsyslog-" + Guid.NewGuid().ToString("N"));
    private readonly string? _namespace;
    private readonly Func<bool> _listening;
    private Process? _process;

    /// <param name="inputs">Module loads and inputs, rsyslog syntax.</param>
    /// <param name="fields">Each message's JSON fields: (name, rsyslog property).</param>
    /// <param name="netns">The test namespace to run in, or null for this one.</param>
    /// <param name="listening">True once the inputs accept messages; checked after rsyslog logs its start.</param>
    public RsyslogProcess(string inputs, IEnumerable<(string Name, string Property)> fields, string? netns, Func<bool> listening)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _namespace = netns;
        _listening = listening;
        Directory.CreateDirectory(_directory);
        File.WriteAllText(ConfigFile, Configuration(inputs, fields));
    }

    /// <summary>Why rsyslog tests cannot run here, or null (found, or installed on first use).</summary>
    public static string? Unavailable => Located.Value.Reason;

    /// <summary>The file rsyslog writes, one JSON object per message.</summary>
    public string OutputFile => Path.Combine(_directory, "messages.json");

    private string ConfigFile => Path.Combine(_directory, "rsyslog.conf");

    private string PidFile => Path.Combine(_directory, "rsyslogd.pid");

    private string InternalFile => Path.Combine(_directory, "internal.log");

    /// <summary>Starts the process (again, after <see cref="Stop"/>); returns once it has started and its inputs listen.</summary>
    public void Start()
    {
        Debug.Assert(_process is null, "already running");
        File.Delete(PidFile);
        File.Delete(InternalFile);
        string[] command = [Located.Value.Path!, "-n", "-f", ConfigFile, "-i", PidFile];
        _process = _namespace is null ? ProcessRunner.Start(command[0], command[1..]) : ProcessRunner.Start("ip", ["netns", "exec", _namespace, .. command]);
        var output = new StringBuilder();
        _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!(Read(InternalFile).Contains("] start", StringComparison.Ordinal) && _listening()))
        {
            if (_process.HasExited || clock.Elapsed > StartTimeout)
            {
                lock (output)
                {
                    throw new InvalidOperationException($"rsyslogd did not start (exited: {_process.HasExited}): {output} {Read(InternalFile)}");
                }
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>SIGTERM, as a service stop does; SIGKILL if it lingers. Returns once the process is gone.</summary>
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
            _process.WaitForExit(TimeSpan.FromSeconds(10));
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

    public void Dispose()
    {
        if (_process is not null)
        {
            // This test's own daemon, by its process id; nothing else.
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }

            _process.Dispose();
            _process = null;
        }

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

    private string Configuration(string inputs, IEnumerable<(string Name, string Property)> fields) => $$"""
        global(workDirectory="{{_directory}}" processInternalMessages="on" maxMessageSize="64k")
        module(load="mmpstrucdata")
        {{inputs}}
        template(name="json" type="list" option.jsonf="on") {
        {{string.Join('\n', fields.Select(f => $"""  property(outname="{f.Name}" name="{f.Property}" format="jsonf")"""))}}
        }
        if $programname == "rsyslogd" then {
          action(type="omfile" file="{{InternalFile}}")
          stop
        }
        action(type="mmpstrucdata")
        action(type="omfile" file="{{OutputFile}}" template="json")
        """;
}
