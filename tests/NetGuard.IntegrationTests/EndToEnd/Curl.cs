using System.Globalization;
using System.Net;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>One HTTP fetch with curl inside a namespace, bounded by curl's own --max-time (and a process timeout behind it).</summary>
internal static class Curl
{
    public readonly record struct Fetched(HttpStatusCode? Status, long Bytes, double Seconds);

    /// <param name="from">The source address to use (an attacker's secondary address), or null for the default.</param>
    /// <param name="limitRate">curl's --limit-rate (like "16M"), or null.</param>
    public static Fetched Fetch(string ns, string url, TimeSpan maxTime, string? from = null, string? limitRate = null)
    {
        var args = new List<string> { "netns", "exec", ns, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{size_download} %{time_total}",
            "--max-time", maxTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) };
        if (from is not null)
        {
            args.AddRange(["--interface", from]);
        }

        if (limitRate is not null)
        {
            args.AddRange(["--limit-rate", limitRate]);
        }

        args.Add(url);
        var result = ProcessRunner.Run("ip", args, maxTime + TimeSpan.FromSeconds(30));
        var fields = result.StandardOutput.Trim().Split(' ');
        if (fields.Length != 3 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var code))
        {
            return new Fetched(null, 0, maxTime.TotalSeconds);
        }

        return new Fetched(
            code == 0 ? null : (HttpStatusCode)code,
            long.Parse(fields[1], CultureInfo.InvariantCulture),
            double.Parse(fields[2], CultureInfo.InvariantCulture));
    }
}
