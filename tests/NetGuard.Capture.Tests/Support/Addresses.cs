using System.Net;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Support;

/// <summary>Fixed addresses for hand-built frames, and conversions to the decoder's form.</summary>
internal static class Addresses
{
    public static readonly IPAddress V4Source = IPAddress.Parse("10.1.2.3");
    public static readonly IPAddress V4Destination = IPAddress.Parse("192.168.200.9");
    public static readonly IPAddress V6Source = IPAddress.Parse("2001:db8:1::a");
    public static readonly IPAddress V6Destination = IPAddress.Parse("fe80::1:2:3:4");

    public static NetAddress Net(IPAddress address) => NetAddress.FromIPAddress(address);

    public static NetAddress Net(string text) => NetAddress.TryParse(text, out var a) ? a : throw new ArgumentException(text, nameof(text));
}
