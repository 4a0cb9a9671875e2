using System.Diagnostics;
using System.Net;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>
/// A user of the victim's web site: fetches the page about twice a second, each time on a new
/// connection, from the lab's own client address. Bounded in count and stopped on dispose.
/// </summary>
internal sealed class BenignClient : IDisposable
{
    /// <summary>
    /// Two fetches a second. A client that opens about five connections a second to one service
    /// looks like brute force to the default detection while it is new (see README "End to end").
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private const int MaxRequests = 2000;
    private readonly List<Sample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public BenignClient(string ns, string url, Func<TimeSpan> clock)
    {
        _thread = new Thread(() => Loop(ns, url, clock)) { IsBackground = true, Name = "benign client" };
        _thread.Start();
    }

    public readonly record struct Sample(TimeSpan At, bool Ok, double Seconds);

    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Share of fetches answered 200 that started within [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public (int Ok, int Total) Between(TimeSpan from, TimeSpan to)
    {
        var window = Samples.Where(s => s.At >= from && s.At < to).ToList();
        return (window.Count(s => s.Ok), window.Count);
    }

    public void Stop()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    private void Loop(string ns, string url, Func<TimeSpan> clock)
    {
        for (var i = 0; i < MaxRequests && !_stop.IsCancellationRequested; i++)
        {
            var started = Stopwatch.StartNew();
            var at = clock();
            Sample sample;
            try
            {
                var fetched = Curl.Fetch(ns, url, TimeSpan.FromSeconds(2));
                sample = new Sample(at, fetched.Status == HttpStatusCode.OK, fetched.Seconds);
            }
            catch (TimeoutException)
            {
                // curl outlived its own --max-time and was killed: a failed fetch, not a crashed test host.
                sample = new Sample(at, false, started.Elapsed.TotalSeconds);
            }

            lock (_samples)
            {
                _samples.Add(sample);
            }

            var rest = Interval - started.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                _stop.Token.WaitHandle.WaitOne(rest);
            }
        }
    }
}
