using System.Diagnostics;
using System.Globalization;
using System.Net;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>
/// <c>python3 -m http.server</c> on the victim's address in its namespace, serving a small page and
/// a large file from a temporary directory. Killed by its process id on dispose.
/// </summary>
internal sealed class VictimWebServer : IDisposable
{
    public const string Page = "index.html";
    public const string LargeFile = "large.bin";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netguard-e2e-www-" + Guid.NewGuid().ToString("N"));
    private readonly Process _process;

    private VictimWebServer(string ns, string address, int largeFileBytes)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, Page), "<!doctype html><title>victim</title>" + new string('x', 2000) + "\n");
        WriteLargeFile(Path.Combine(_directory, LargeFile), largeFileBytes);
        LargeFileBytes = largeFileBytes;
        Address = address;
        _process = ProcessRunner.Start("ip", ["netns", "exec", ns, Python!, "-m", "http.server", "--bind", address, "--directory", _directory, "80"]);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The system's python3 (not a version manager's shim), or null.</summary>
    public static string? Python { get; } = new[] { "/usr/bin/python3", "/bin/python3" }.FirstOrDefault(File.Exists);

    public string Address { get; }

    public long LargeFileBytes { get; }

    public string Url(string file) => $"http://{Address}/{file}";

    /// <summary>Starts the server and waits (bounded) until <paramref name="clientNamespace"/> can fetch the page.</summary>
    public static VictimWebServer Start(string ns, string address, string clientNamespace, int largeFileBytes)
    {
        var server = new VictimWebServer(ns, address, largeFileBytes);
        try
        {
            var clock = Stopwatch.StartNew();
            while (Curl.Fetch(clientNamespace, server.Url(Page), TimeSpan.FromSeconds(2)).Status != HttpStatusCode.OK)
            {
                if (server._process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
                {
                    throw new InvalidOperationException($"the victim's web server did not answer (exited: {server._process.HasExited})");
                }

                Thread.Sleep(200);
            }

            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
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

    private static void WriteLargeFile(string path, int bytes)
    {
        var block = new byte[1 << 20];
        new Random(6).NextBytes(block);
        using var file = File.Create(path);
        for (var written = 0; written < bytes; written += block.Length)
        {
            file.Write(block, 0, Math.Min(block.Length, bytes - written));
        }

        Debug.Assert(file.Length == bytes, string.Create(CultureInfo.InvariantCulture, $"{file.Length} != {bytes}"));
    }
}
