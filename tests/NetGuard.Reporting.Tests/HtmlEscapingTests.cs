using NetGuard.Core.Detection;
using NetGuard.Core.Statistics;
using NetGuard.Reporting.Rendering;

namespace NetGuard.Reporting.Tests;

public class HtmlEscapingTests
{
    [Theory]
    [InlineData("plain 10.0.0.1", "plain 10.0.0.1")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("\"x\" 'y'", "&quot;x&quot; &#39;y&#39;")]
    [InlineData("bell\u0007", "bell\uFFFD")]
    [InlineData("", "")]
    public void Escape_Text_SafeInContentAndAttributes(string text, string expected) => Assert.Equal(expected, Html.Escape(text));

    [Fact]
    public void WriteHtml_HostileTextFromFileNameReasonNoticeAndMetric_IsEscapedEverywhere()
    {
        var recorder = new ReportRecorder(Samples.Settings);
        var s = Samples.Epoch;
        recorder.OnSecond(Samples.Second(s, 5, "10.0.0.5"));
        recorder.OnAnomaly(Samples.Alert(s, "10.0.0.5", metric: "out.<img src=x onerror=alert(2)>") with { Detector = "\"><script>alert(3)</script>" });
        recorder.OnDecision(Samples.Decision(s, "10.0.0.5", reason: "<iframe src=//evil>"));
        recorder.OnNotice("<script>alert(4)</script>");
        recorder.OnJudged(s, new HostSecond { Host = Samples.Ip("10.0.0.5") }, true, Samples.Judged(5));

        var html = Samples.Html(recorder, Samples.Summary(source: "/tmp/<img src=x onerror=alert(1)>&'\".pcap"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&amp;&#39;&quot;.pcap", html, StringComparison.Ordinal);
        Assert.Contains("&lt;iframe src=//evil&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_AnyReport_FetchesNothingAndRunsNoScript()
    {
        var html = Samples.Html(Samples.Flood());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", html);
    }
}
