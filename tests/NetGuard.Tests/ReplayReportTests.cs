using System.Globalization;
using System.Text.RegularExpressions;
using NetGuard.Testing.Lab;

namespace NetGuard.Tests;

/// <summary>
/// <c>replay --report</c> end to end: the report of a generated flood, opened in headless Chromium
/// (Debian's <c>chromium</c>) for a screenshot and for the DOM as the browser parsed it.
/// </summary>
public partial class ReplayReportTests
{
    private static readonly (byte, byte, byte) AlertRed = (0xd1, 0x24, 0x2f);

    [Fact]
    public void ReplayReport_Flood_BrowserShowsTheFloodHostsChartWithTheAlertAtTheFloodsTime()
    {
        using var dir = new TempDirectory();
        var capture = dir.File("flood.pcap");
        var report = dir.File("report.html");
        FloodCapture.Write(capture);

        var result = Netguard.Run("replay", capture, "--json", "--report", report);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"report written to {report}", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("summary", Netguard.JsonLines(result)[^1].GetProperty("type").GetString());
        Assert.True(new FileInfo(report).Length is > 5_000 and < 500_000);

        if (!ProcessRunner.Exists("chromium"))
        {
            Assert.Skip("chromium is not installed (apt-get install chromium; tests/run.sh installs it)");
        }

        var screenshot = dir.File("report.png");
        Chromium(dir, $"--screenshot={screenshot}", "--window-size=1200,2600", "--hide-scrollbars", new Uri(report).AbsoluteUri);
        var image = PngImage.Read(screenshot);
        Assert.Equal((1200, 2600), (image.Width, image.Height));
        Assert.True(image.Colours() > 50, "the screenshot is not a blank page");
        Assert.True(image.Count(AlertRed, tolerance: 16) > 20, "alert markers are drawn in red");

        var dom = Chromium(dir, "--dump-dom", new Uri(report).AbsoluteUri).StandardOutput;
        var host = Regex.Match(dom, $"<section class=\"host\"[^>]*data-host=\"{Regex.Escape(FloodCapture.Attacker)}\">(.*?)</section>", RegexOptions.Singleline);
        Assert.True(host.Success, "the flood's source has its own section");
        Assert.Contains("data-metric=\"out.syn\"", host.Value, StringComparison.Ordinal);
        Assert.Matches("<circle class=\"alert-point\" data-time=\"1700000035\"", host.Value);

        var charts = Charts().Matches(host.Value).Concat(Charts().Matches(Section(dom, "timeline"))).ToList();
        Assert.Equal(4, charts.Count);
        foreach (var chart in charts)
        {
            var svg = chart.Value;
            var (start, end, left, right) = (Number(svg, "data-start"), Number(svg, "data-end"), Number(svg, "data-left"), Number(svg, "data-right"));
            Assert.Equal(FloodCapture.EpochSeconds, start);
            Assert.Equal(FloodCapture.EpochSeconds + 40, end);
            var marker = Assert.Single(AlertMarkers().Matches(svg)).Value;
            Assert.Equal(FloodCapture.FloodSecond, Number(marker, "data-time"));
            Assert.Equal(FloodCapture.Attacker, Regex.Match(marker, "data-subject=\"([^\"]+)\"").Groups[1].Value);
            Assert.Equal(left + ((FloodCapture.FloodSecond - start) * (right - left) / (end - start)), Number(marker, "x1"), 0.1);
        }

        Assert.Matches("<tr data-time=\"1700000035\">.*syn-flood.*203\\.0\\.113\\.66.*proposed", Section(dom, "alerts"));
        Assert.Contains("203.0.113.66", Section(dom, "decisions"), StringComparison.Ordinal);
        Assert.Contains("10.0.0.1", Section(dom, "talkers"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-directory/report.html", "no such directory")]
    [InlineData(".", "it is a directory")]
    public void ReplayReport_BadOutputPath_OneLineAndExit2BeforeReplaying(string output, string reason)
    {
        using var dir = new TempDirectory();
        var capture = dir.File("flood.pcap");
        FloodCapture.Write(capture);
        var path = output == "." ? dir.Path : dir.File(output);

        var result = Netguard.Run("replay", capture, "--json", "--report", path);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"netguard: cannot write the report to {path}: {reason}", line, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    private static ProcessRunner.Result Chromium(TempDirectory dir, params string[] arguments) =>
        ProcessRunner.Run(
            "chromium",
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", $"--user-data-dir={dir.File("chromium-profile")}", .. arguments],
            TimeSpan.FromMinutes(2))
            .EnsureSuccess("chromium");

    private static string Section(string dom, string id)
    {
        var match = Regex.Match(dom, $"<section id=\"{id}\">.*?</section>", RegexOptions.Singleline);
        Assert.True(match.Success, $"section {id} is on the page");
        return match.Value;
    }

    private static double Number(string element, string attribute) =>
        double.Parse(Regex.Match(element, $"\\s{attribute}=\"([^\"]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("<svg class=\"chart\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Charts();

    [GeneratedRegex("<line class=\"marker alert\"[^>]*>")]
    private static partial Regex AlertMarkers();
}
