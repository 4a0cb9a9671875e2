using System.Globalization;
using System.Text;
using System.Text.Json;
using NetGuard.Detection.Detectors;
using NetGuard.Evaluation.Nab;

namespace NetGuard.Evaluation.Tests.Nab;

/// <summary>The <c>nab</c> command on a two-file corpus written to a temporary directory (no shared data needed).</summary>
public sealed class NabCommandTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public NabCommandTests()
    {
        // 200 rows each (probation 30); a spike of 10 at row 100 inside the window on rows 90–109.
        WriteSeries("synthetic/spike.csv", 200, spikeAt: 100);
        WriteSeries("synthetic/flat.csv", 200, spikeAt: -1);
        File.WriteAllText(Path.Combine(_root.Path, "labels", "combined_windows.json"), $$"""
            {
              "synthetic/spike.csv": [["{{Timestamp(90)}}.000000", "{{Timestamp(109)}}.000000"]],
              "synthetic/flat.csv": []
            }
            """);
        File.WriteAllText(Path.Combine(_root.Path, "profiles.json"), """
            {
              "standard": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.11, "tnWeight": 1.0}},
              "reward_low_FP_rate": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.22, "tnWeight": 1.0}},
              "reward_low_FN_rate": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 2.0, "fpWeight": 0.11, "tnWeight": 1.0}}
            }
            """);
    }

    [Fact]
    public void Run_Json_LastLineIsOneObjectWithTheThreeProfileScores()
    {
        var (code, stdout, stderr) = Run(["--data", _root.Path, "--detector", "above-five", "--json"]);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        var root = json.RootElement;
        Assert.Equal("above-five", root.GetProperty("detector").GetString());
        // One window found half-way in (σ(−0.5)/σ(−1)), no false positives.
        const double Tp = 0.8597925669097837;
        Assert.Equal(100 * (Tp + 1) / 2, root.GetProperty("standard").GetDouble(), 1e-9);
        Assert.Equal(100 * (Tp + 1) / 2, root.GetProperty("reward_low_FP_rate").GetDouble(), 1e-9);
        Assert.Equal(100 * (Tp + 2) / 3, root.GetProperty("reward_low_FN_rate").GetDouble(), 1e-9);
        Assert.False(root.GetProperty("used_global_min_max").GetBoolean());
        Assert.Contains("synthetic/spike.csv", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NabSubdirectory_IsFoundFromItsParent()
    {
        using var parent = new TempDirectory();
        Directory.Move(_root.Path, Path.Combine(parent.Path, "nab"));
        var (code, _, _) = Run(["--data", parent.Path, "--detector", "above-five"]);
        Directory.Move(Path.Combine(parent.Path, "nab"), _root.Path);

        Assert.Equal(0, code);
    }

    [Fact]
    public void Run_UnknownDetector_ExitsTwoNamingTheRegisteredOnes()
    {
        var (code, _, stderr) = Run(["--data", _root.Path, "--detector", "nope"]);

        Assert.Equal(2, code);
        Assert.Contains("above-five", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DetectorBreakingTheContract_ExitsOneNamingFileAndRow()
    {
        var (code, _, stderr) = Run(["--data", _root.Path, "--detector", "nan"]);

        Assert.Equal(1, code);
        Assert.Contains("row 0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingCorpus_ExitsOne()
    {
        var (code, _, stderr) = Run(["--data", Path.Combine(_root.Path, "absent")]);

        Assert.Equal(1, code);
        Assert.Contains("no NAB corpus", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_List_PrintsRegisteredNames()
    {
        var (code, stdout, _) = Run(["--list"]);

        Assert.Equal(0, code);
        Assert.Equal(["above-five", "nan"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public void Dispose() => _root.Dispose();

    private static (int Code, string Stdout, string Stderr) Run(string[] args)
    {
        var registry = new Dictionary<string, Func<IStreamingDetector>>
        {
            ["above-five"] = () => new FixedDetector(v => v > 5 ? 1 : 0),
            ["nan"] = () => new FixedDetector(_ => double.NaN),
        };
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = NabCommand.Run(args, registry, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Timestamp(int row) =>
        new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMinutes(5 * row).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private void WriteSeries(string name, int rows, int spikeAt)
    {
        var path = Path.Combine(_root.Path, "data", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateDirectory(Path.Combine(_root.Path, "labels"));
        var csv = new StringBuilder("timestamp,value\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(Timestamp(i)).Append(',').Append(i == spikeAt ? "10" : "1.5").Append('\n');
        }

        File.WriteAllText(path, csv.ToString());
    }

    private sealed class FixedDetector(Func<double, double> score) : IStreamingDetector
    {
        public string Name => "fixed";

        public bool IsWarm => true;

        public double Score(double value) => score(value);
    }
}
