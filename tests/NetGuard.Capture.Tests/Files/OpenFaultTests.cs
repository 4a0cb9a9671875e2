using NetGuard.Capture.Files;
using NetGuard.Capture.Tests.Support;
using static NetGuard.Capture.Tests.Support.Faults;

namespace NetGuard.Capture.Tests.Files;

/// <summary>Files that are not captures at all: the message names the file and says what it is instead.</summary>
public class OpenFaultTests
{
    [Fact]
    public void Open_EmptyFile_SaysEmpty()
    {
        AssertFails([], "x.pcap", [], "the file is empty, not a capture");
    }

    [Fact]
    public void Open_ThreeByteFile_SaysTooShort()
    {
        AssertFails([0xD4, 0xC3, 0xB2], "x.pcap", [], "the file is 3 bytes long, too short to be a capture");
    }

    [Fact]
    public void Open_TextFile_SaysNotAPcap()
    {
        AssertFails("hello, this is not a capture\n"u8.ToArray(), "x.pcap", [], "not a pcap or pcapng file (it starts with 0x68656C6C");
    }

    [Fact]
    public void Open_GzippedCapture_SaysNotAPcapAndToUncompress()
    {
        AssertFails([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0], "x.pcap.gz", [], "not a pcap or pcapng file (it starts with 0x1F8B0800; compressed captures must be uncompressed first)");
    }

    [Fact]
    public void Open_MissingFile_SaysCannotOpen()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("absent.pcap");

        var error = Assert.Throws<CaptureFileException>(() => CaptureFileReader.Open(path));

        Assert.StartsWith(path + ": cannot open: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PcapFileHeaderCut_SaysTruncated()
    {
        var bytes = CaptureBytes.Pcap(_ => { })[..10];

        AssertFails(bytes, "x.pcap", [], "truncated pcap file: the 24-byte file header is incomplete");
    }
}
