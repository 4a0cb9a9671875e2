using NetGuard.Capture.Files;
using NetGuard.Capture.Tests.Support;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Files;

/// <summary>The format comes from the magic number, never the name: real captures are often misnamed.</summary>
public class FormatSniffingTests
{
    private static readonly byte[] Frame = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Theory]
    [InlineData("classic.pcapng")]
    [InlineData("classic.pcap")]
    [InlineData("classic")]
    [InlineData("classic.cap")]
    public void Open_ClassicPcapUnderAnyName_ReadAsPcap(string name)
    {
        using var dir = new TempDirectory();
        var path = dir.Write(name, CaptureBytes.Pcap(w => w.Write(42, Frame), LinkType.Raw, nanoseconds: true));

        using (var reader = CaptureFileReader.Open(path))
        {
            Assert.Equal("pcap", reader.Format);
        }

        Assert.Equal(new FrameCopy(LinkType.Raw, 42, 9, Frame), Assert.Single(CaptureRead.All(path)));
    }

    [Theory]
    [InlineData("next.pcap")]
    [InlineData("next.pcapng")]
    [InlineData("next.dmp")]
    public void Open_PcapngUnderAnyName_ReadAsPcapng(string name)
    {
        using var dir = new TempDirectory();
        var path = dir.Write(name, CaptureBytes.Pcapng(
            w =>
            {
                w.AddInterface(LinkType.LinuxSll, timestampResolution: 9);
                w.WriteEnhanced(0, 42, Frame);
            },
            bigEndian: true));

        using (var reader = CaptureFileReader.Open(path))
        {
            Assert.Equal("pcapng", reader.Format);
        }

        Assert.Equal(new FrameCopy(LinkType.LinuxSll, 42, 9, Frame), Assert.Single(CaptureRead.All(path)));
    }
}
