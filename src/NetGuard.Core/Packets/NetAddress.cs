using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace NetGuard.Core.Packets;

/// <summary>
/// An IPv4 or IPv6 address held as 128 bits, IPv4 in its IPv4-mapped IPv6 form (::ffff:a.b.c.d).
/// A value type so that the per-packet path never allocates an <see cref="IPAddress"/>.
/// </summary>
public readonly struct NetAddress : IEquatable<NetAddress>
{
    private const ulong MappedPrefix = 0x0000_FFFF_0000_0000UL;

    /// <summary>The high 64 bits, network order.</summary>
    public readonly ulong High;

    /// <summary>The low 64 bits, network order.</summary>
    public readonly ulong Low;

    public NetAddress(ulong high, ulong low)
    {
        High = high;
        Low = low;
    }

    public static NetAddress None => default;

    public bool IsIPv4 => High == 0 && (Low & 0xFFFF_FFFF_0000_0000UL) == MappedPrefix;

    /// <summary>The IPv4 address as a host-order integer; meaningful only when <see cref="IsIPv4"/>.</summary>
    public uint IPv4Value => (uint)Low;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NetAddress FromIPv4(uint hostOrder) => new(0, MappedPrefix | hostOrder);

    /// <summary>Reads four bytes in network order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NetAddress FromIPv4(ReadOnlySpan<byte> bytes) => FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(bytes));

    /// <summary>Reads sixteen bytes in network order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NetAddress FromIPv6(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    public static NetAddress FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return FromIPv4(bytes);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"Not an IP address family: {address.AddressFamily}.", nameof(address));
        }

        address.TryWriteBytes(bytes, out _);
        return FromIPv6(bytes);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out NetAddress address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64 || !IPAddress.TryParse(text, out var ip))
        {
            return false;
        }

        address = FromIPAddress(ip);
        return true;
    }

    public IPAddress ToIPAddress()
    {
        if (IsIPv4)
        {
            return new IPAddress(BinaryPrimitives.ReverseEndianness(IPv4Value));
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Low);
        return new IPAddress(bytes);
    }

    public override string ToString() => ToIPAddress().ToString();

    public bool Equals(NetAddress other) => High == other.High && Low == other.Low;

    public override bool Equals(object? obj) => obj is NetAddress other && Equals(other);

    /// <summary>A well-mixed hash (hash tables here use power-of-two sizes and mask the low bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override int GetHashCode() => (int)Hashing.Mix(High ^ Hashing.Mix(Low ^ Hashing.Key));

    public static bool operator ==(NetAddress left, NetAddress right) => left.Equals(right);

    public static bool operator !=(NetAddress left, NetAddress right) => !left.Equals(right);
}
