using System.Globalization;
using System.Net;

namespace NetGuard.Hosting.Metrics;

/// <summary>Where the metrics listener binds, read from <c>NetGuard:Metrics:Listen</c> (host:port).</summary>
internal readonly record struct MetricsEndpoint(string Host, int Port)
{
    public const string Path = "/metrics";

    /// <summary>The scrape URL, e.g. <c>http://127.0.0.1:9108/metrics</c>.</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"http://{Host}:{Port}{Path}");

    /// <summary>The endpoint for <paramref name="listen"/>, or false with <paramref name="error"/> saying what is allowed.</summary>
    public static bool TryParse(string listen, out MetricsEndpoint endpoint, out string? error)
    {
        endpoint = default;
        error = null;
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || colon == listen.Length - 1)
        {
            error = "expected host:port, like 127.0.0.1:9108, [::1]:9108 or *:9108";
            return false;
        }

        var host = listen[..colon];
        var portText = listen[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"port '{portText}' is not between 1 and 65535";
            return false;
        }

        if (host is "*" or "+" or "0.0.0.0" or "[::]")
        {
            // HttpListener matches the request's host against its prefix: only a wildcard serves every address.
            endpoint = new MetricsEndpoint("*", port);
            return true;
        }

        var bracketed = host.StartsWith('[') && host.EndsWith(']');
        if (bracketed ? !IPAddress.TryParse(host[1..^1], out _) : host.Contains(':') || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            error = $"host '{host}' is not an address or name (IPv6 goes in brackets: [::1]:9108)";
            return false;
        }

        endpoint = new MetricsEndpoint(host, port);
        return true;
    }
}
