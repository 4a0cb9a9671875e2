using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NetGuard.Core.Packets;

/// <summary>An address prefix ("10.0.0.0/8", "2001:db8::/32", or one address as /32 or /128), parsed strictly.</summary>
public readonly record struct NetPrefix(NetAddress Network, int Length)
{
    /// <summary>Prefix length in the 128-bit space (IPv4 lengths are offset by 96).</summary>
    private int Bits => Network.IsIPv4 ? Length + 96 : Length;

    public bool IsIPv4 => Network.IsIPv4;

    public bool Contains(in NetAddress address)
    {
        if (address.IsIPv4 != Network.IsIPv4)
        {
            return false;
        }

        var bits = Bits;
        var highMask = bits >= 64 ? ulong.MaxValue : bits == 0 ? 0 : ulong.MaxValue << (64 - bits);
        var lowMask = bits <= 64 ? 0 : bits >= 128 ? ulong.MaxValue : ulong.MaxValue << (128 - bits);
        return (address.High & highMask) == (Network.High & highMask) && (address.Low & lowMask) == (Network.Low & lowMask);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out NetPrefix prefix)
    {
        prefix = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!NetAddress.TryParse(addressText, out var address))
        {
            return false;
        }

        var max = address.IsIPv4 ? 32 : 128;
        var length = max;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > max))
        {
            return false;
        }

        // Keep only the network bits, so "10.1.2.3/8" means 10.0.0.0/8.
        var candidate = new NetPrefix(address, length);
        var bits = candidate.Bits;
        var high = bits >= 64 ? address.High : bits == 0 ? 0 : address.High & (ulong.MaxValue << (64 - bits));
        var low = bits <= 64 ? 0 : bits >= 128 ? address.Low : address.Low & (ulong.MaxValue << (128 - bits));
        if (address.IsIPv4)
        {
            low |= 0x0000_FFFF_0000_0000UL;
        }

        prefix = new NetPrefix(new NetAddress(high, low), length);
        return true;
    }

    public static NetPrefix Parse(string text) =>
        TryParse(text, out var prefix) ? prefix : throw new FormatException($"'{text}' is not an address or prefix (like 192.0.2.0/24 or 2001:db8::/32).");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Network}/{Length}");
}
