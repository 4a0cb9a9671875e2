using System.Text.Json;
using NetGuard.Testing;
using NetGuard.Testing.Lab;

namespace NetGuard.Tests;

/// <summary>Runs the real netguard executable (as built beside the tests) and parses its JSON lines.</summary>
internal static class Netguard
{
    public static ProcessRunner.Result Run(params string[] arguments) =>
        ProcessRunner.Run(RepositoryPaths.NetguardCommand[0], [.. RepositoryPaths.NetguardCommand.Skip(1), .. arguments], TimeSpan.FromMinutes(3));

    public static ProcessRunner.Result RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var args = new List<string> { "-i" };
        args.AddRange(Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => !k.StartsWith("NetGuard__", StringComparison.Ordinal))
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}"));
        args.AddRange(environment.Select(kv => $"{kv.Key}={kv.Value}"));
        args.AddRange(RepositoryPaths.NetguardCommand);
        args.AddRange(arguments);
        return ProcessRunner.Run("env", args, TimeSpan.FromMinutes(3));
    }

    /// <summary>Every stdout line must be one JSON object with a "type"; returns them in order.</summary>
    public static List<JsonElement> JsonLines(ProcessRunner.Result result)
    {
        var lines = new List<JsonElement>();
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
            Assert.True(doc.RootElement.TryGetProperty("type", out _), $"line without a type: {line}");
            lines.Add(doc.RootElement.Clone());
        }

        return lines;
    }

    public static JsonElement Summary(ProcessRunner.Result result)
    {
        var lines = JsonLines(result);
        Assert.NotEmpty(lines);
        var last = lines[^1];
        Assert.Equal("summary", last.GetProperty("type").GetString());
        Assert.Single(lines, l => l.GetProperty("type").GetString() == "summary");
        return last;
    }
}
