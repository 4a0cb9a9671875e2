using System.Text;
using NetGuard.Alerting.Syslog.Transports;

namespace NetGuard.Alerting.Tests.Transports;

public class OctetCountingTests
{
    [Theory]
    [InlineData("<28>1 - - - - - -", "17 <28>1 - - - - - -")]
    [InlineData("x", "1 x")]
    [InlineData("", "0 ")]
    public void Frame_PrefixesTheLengthAndASpace(string message, string frame) =>
        Assert.Equal(frame, Encoding.UTF8.GetString(OctetCounting.Frame(Encoding.UTF8.GetBytes(message))));

    [Fact]
    public void Frame_CountsOctetsNotCharacters()
    {
        var message = Encoding.UTF8.GetBytes("für");

        Assert.Equal("4 für", Encoding.UTF8.GetString(OctetCounting.Frame(message)));
    }

    [Fact]
    public void Frame_MessageWithNewlinesAndSpaces_IsCarriedAsIs()
    {
        var message = new byte[1234];
        Array.Fill(message, (byte)'\n');

        var frame = OctetCounting.Frame(message);

        Assert.Equal("1234 "u8.ToArray(), frame[..5]);
        Assert.Equal(message, frame[5..]);
    }
}
