using NetGuard.Alerting.Syslog.Formatting;
using NetGuard.Alerting.Tests.Support;
using Serilog.Events;

namespace NetGuard.Alerting.Tests.Formatting;

public class MessageRendererTests
{
    [Fact]
    public void Render_StringsUnquotedNumbersInvariant()
    {
        var logEvent = Events.Create(LogEventLevel.Information, "{Name} {Rate} {Missing}", null, ("Name", "eth0"), ("Rate", 1234.5));

        Assert.Equal("eth0 1234.5 {Missing}", MessageRenderer.Render(logEvent));
    }

    [Fact]
    public void Render_FormatSpecifier_IsHonoured()
    {
        var logEvent = Events.Create(LogEventLevel.Information, "{Rate:F1} {Name:l}", null, ("Rate", 2.26), ("Name", "x"));

        Assert.Equal("2.3 x", MessageRenderer.Render(logEvent));
    }
}
