using System.Text;
using NetGuard.Alerting.Syslog.Formatting;

namespace NetGuard.Alerting.Tests.Formatting;

public class StructuredDataTests
{
    [Theory]
    [InlineData("netguard@32473", true)]
    [InlineData("alert@1.3.6", true)]
    [InlineData("a@1", true)]
    [InlineData("netguard", false)]
    [InlineData("@32473", false)]
    [InlineData("netguard@", false)]
    [InlineData("netguard@x1", false)]
    [InlineData("net@guard@1", false)]
    [InlineData("netguard@1..2", false)]
    [InlineData("netguard@1.", false)]
    [InlineData("net guard@1", false)]
    [InlineData("net=guard@1", false)]
    [InlineData("net]guard@1", false)]
    [InlineData("net\"guard@1", false)]
    [InlineData("netguard-with-a-very-long-name@32473", false)]
    [InlineData("", false)]
    public void IsValidPrivateId_FollowsSdNameAndEnterpriseNumberRules(string id, bool valid) =>
        Assert.Equal(valid, StructuredData.IsValidPrivateId(id));

    [Theory]
    [InlineData("kind", true)]
    [InlineData("x", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("ké", false)]
    [InlineData("a\tb", false)]
    public void IsValidName_AllowsOneTo32PrintableAsciiCharacters(string name, bool valid) =>
        Assert.Equal(valid, StructuredData.IsValidName(name));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\"b", "a\\\"b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("a]b", "a\\]b")]
    [InlineData("[x]=y", "[x\\]=y")]
    [InlineData("\\\"]", "\\\\\\\"\\]")]
    public void AppendEscaped_EscapesQuoteBackslashAndClosingBracketOnly(string value, string escaped)
    {
        var builder = new StringBuilder();
        StructuredData.AppendEscaped(builder, value);
        Assert.Equal(escaped, builder.ToString());
    }
}
