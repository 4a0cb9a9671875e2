using System.Globalization;
using System.Text.RegularExpressions;

namespace NetGuard.Reporting.Tests;

/// <summary>The page's structure: sections, charts on the shared axis, markers where their events happened.</summary>
public partial class ReportPageTests
{
    [Fact]
    public void WriteHtml_EmptyCapture_SaysSoWithoutCharts()
    {
        var html = Samples.Html(new ReportRecorder(Samples.Settings), new ReportSummary("empty.pcap", 0, 0, null, null, TimeSpan.FromMilliseconds(3), 0, 0, 0, null));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("No packets were read", html, StringComparison.Ordinal);
        Assert.Contains("No alerts.", html, StringComparison.Ordinal);
        Assert.Contains("No decisions.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_Flood_AlertMarkersSitAtTheAlertsTimeOnEveryChart()
    {
        var html = Samples.Html(Samples.Flood());
        var alertSecond = Samples.Epoch + 35;

        var charts = Svgs().Matches(html);
        Assert.Equal(4, charts.Count);
        foreach (Match chart in charts)
        {
            var svg = chart.Value;
            var (start, end, left, right) = (Number(svg, "data-start"), Number(svg, "data-end"), Number(svg, "data-left"), Number(svg, "data-right"));
            Assert.Equal(Samples.Epoch, start);
            Assert.Equal(Samples.Epoch + 40, end);
            var marker = Assert.Single(AlertMarkers().Matches(svg));
            Assert.Equal(alertSecond, Number(marker.Value, "data-time"));
            Assert.Equal(left + ((alertSecond - start) * (right - left) / (end - start)), Number(marker.Value, "x1"), 0.1);
        }
    }

    [Fact]
    public void WriteHtml_Flood_HostSectionWithValueBandScoreAndDecision()
    {
        var html = Samples.Html(Samples.Flood());

        var section = Regex.Match(html, "<section class=\"host\"[^>]*data-host=\"10.0.0.5\">.*?</section>", RegexOptions.Singleline);
        Assert.True(section.Success, "the flooding host has its section");
        Assert.Contains("data-metric=\"out.syn\"", section.Value, StringComparison.Ordinal);
        Assert.Contains("class=\"band\"", section.Value, StringComparison.Ordinal);
        Assert.Contains("class=\"line score\"", section.Value, StringComparison.Ordinal);
        Assert.Contains("class=\"alert-point\"", section.Value, StringComparison.Ordinal);
        Assert.Contains("class=\"marker decision\"", section.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("data-host=\"10.0.0.1\"", html, StringComparison.Ordinal);
        Assert.Matches("<tr data-time=\"1700000035\">.*syn-flood.*proposed", html);
        Assert.Contains("<td>10.0.0.5</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_Summary_ShowsTheRunsFigures()
    {
        var html = Samples.Html(Samples.Flood(), Samples.Summary(packets: 123_456) with { KernelDropped = 7, DecodeErrors = 3, Error = "capture.pcap: truncated at byte 99" });

        Assert.Contains("data-figure=\"packets\">123,456 (7.41 MB)", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"drops\">kernel 7, pipeline 0", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"decode-errors\">3", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"replay\">120 ms (1.03M packets/s", html, StringComparison.Ordinal);
        Assert.Contains("truncated at byte 99", html, StringComparison.Ordinal);
    }

    private static double Number(string element, string attribute) =>
        double.Parse(Regex.Match(element, $"\\s{attribute}=\"([^\"]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("<svg class=\"chart\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svgs();

    [GeneratedRegex("<line class=\"marker alert\"[^>]*>")]
    private static partial Regex AlertMarkers();
}
