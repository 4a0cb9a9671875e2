using NetGuard.Capture.Tests.Support;
using NetGuard.Core.Packets;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetGuard.Capture.Tests.Differential;

/// <summary>Reads a capture file with libpcap itself, through SharpPcap's file reader device.</summary>
internal static class LibpcapFrames
{
    /// <summary>Every frame libpcap returns, or null (with the reason) when libpcap is not installed.</summary>
    public static List<FrameCopy>? Read(string path, out string? missing)
    {
        missing = null;
        var frames = new List<FrameCopy>();
        CaptureFileReaderDevice device;
        try
        {
            device = new CaptureFileReaderDevice(path);
            device.Open();
        }
        catch (DllNotFoundException e)
        {
            missing = "libpcap is not installed (Debian: apt-get install libpcap0.8): " + e.Message;
            return null;
        }

        try
        {
            // Opened without a precision, libpcap scales every timestamp to microseconds.
            Assert.Equal(TimestampResolution.Microsecond, device.TimestampResolution);
            GetPacketStatus status;
            while ((status = device.GetNextPacket(out var capture)) == GetPacketStatus.PacketRead)
            {
                var raw = capture.GetPacket();
                var header = (PcapHeader)capture.Header;
                var micros = checked(((long)raw.Timeval.Seconds * 1_000_000) + (long)raw.Timeval.MicroSeconds);

                // RawCapture.PacketLength is the captured length; the header has the length on the wire.
                Assert.Equal((uint)raw.Data.Length, header.CaptureLength);
                frames.Add(new FrameCopy(AsLinkType(raw.LinkLayerType), micros, checked((int)header.PacketLength), raw.Data));
            }

            Assert.True(status == GetPacketStatus.NoRemainingPackets, $"libpcap stopped with {status}: {device.LastError}");
        }
        finally
        {
            device.Close();
            device.Dispose();
        }

        return frames;
    }

    // libpcap reports DLT_ values, which differ from the file's LINKTYPE_ value only for raw IP:
    // LINKTYPE_RAW (101) comes back as DLT_RAW (12 on Linux). NetGuard's reader keeps the file's value.
    private static LinkType AsLinkType(PacketDotNet.LinkLayers dlt) => (int)dlt == 12 ? LinkType.Raw : (LinkType)(int)dlt;
}
