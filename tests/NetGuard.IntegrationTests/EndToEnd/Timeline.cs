using System.Diagnostics;
using System.Text.Json;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>
/// One clock for the whole scenario: the test's actions, the daemon's log lines and the syslog
/// receiver's messages are stamped with it as they appear (polled every 50 ms), so latencies are
/// differences on the same clock. Polling stops on dispose.
/// </summary>
internal sealed class Timeline : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(TimeSpan At, string Line)> _log = [];
    private readonly List<(TimeSpan At, JsonElement Message)> _syslog = [];
    private readonly Func<string> _daemonLog;
    private readonly NamespaceRsyslog _rsyslog;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private int _logLength;

    public Timeline(Func<string> daemonLog, NamespaceRsyslog rsyslog)
    {
        _daemonLog = daemonLog;
        _rsyslog = rsyslog;
        _thread = new Thread(Loop) { IsBackground = true, Name = "timeline" };
        _thread.Start();
    }

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>When the first daemon log line matching <paramref name="match"/> at or after <paramref name="after"/> appeared, waiting up to <paramref name="within"/>.</summary>
    public (TimeSpan At, string Line)? WaitForLog(Func<string, bool> match, TimeSpan after, TimeSpan within) =>
        WaitFor(() => Find(_log, e => e.At >= after && match(e.Line)), within);

    /// <summary>Like <see cref="WaitForLog"/> for syslog messages.</summary>
    public (TimeSpan At, JsonElement Message)? WaitForSyslog(Func<JsonElement, bool> match, TimeSpan after, TimeSpan within) =>
        WaitFor(() => Find(_syslog, e => e.At >= after && match(e.Message)), within);

    public IReadOnlyList<(TimeSpan At, string Line)> LogLines(TimeSpan after)
    {
        lock (_log)
        {
            return _log.Where(e => e.At >= after).ToList();
        }
    }

    /// <summary>The alerts received so far, each as "kind subject (role)" from its structured data.</summary>
    public IReadOnlyList<string> SyslogAlerts() =>
        [.. SyslogMessages()
            .Where(m => m.GetProperty("msgid").GetString() == "alert")
            .Select(m => JsonDocument.Parse(m.GetProperty("parsed").GetString() ?? "{}").RootElement)
            .Select(sd => sd.EnumerateObject().Select(e => e.Value).FirstOrDefault())
            .Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => $"{Field(e, "kind")} {Field(e, "subject")} ({Field(e, "role")})")];

    public IReadOnlyList<JsonElement> SyslogMessages()
    {
        lock (_syslog)
        {
            return _syslog.Select(e => e.Message).ToList();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private static string Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static T? Find<T>(List<T> entries, Func<T, bool> match)
        where T : struct
    {
        lock (entries)
        {
            foreach (var entry in entries)
            {
                if (match(entry))
                {
                    return entry;
                }
            }
        }

        return null;
    }

    private T? WaitFor<T>(Func<T?> find, TimeSpan within)
        where T : struct
    {
        var deadline = Now + within;
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            if (Now > deadline)
            {
                return null;
            }

            Thread.Sleep(Poll);
        }
    }

    private void Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = Now;
            var text = _daemonLog();
            var complete = text.LastIndexOf('\n') + 1;
            if (complete > _logLength)
            {
                var lines = text[_logLength..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries);
                _logLength = complete;
                lock (_log)
                {
                    _log.AddRange(lines.Select(l => (now, l.TrimEnd('\r'))));
                }
            }

            int seen;
            lock (_syslog)
            {
                seen = _syslog.Count;
            }

            try
            {
                var messages = _rsyslog.Messages(seen);
                lock (_syslog)
                {
                    _syslog.AddRange(messages.Select(m => (now, m)));
                }
            }
            catch (JsonException)
            {
                // A line rsyslog is still writing; the next poll reads it whole.
            }

            _stop.Token.WaitHandle.WaitOne(Poll);
        }
    }
}
