using NetGuard.Capture.Decoding;
using NetGuard.Capture.Tests.Support;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Decoding;

/// <summary>
/// Millions of mutated and random frames through every link type: the decoder must never throw,
/// and what it calls Ok must be internally consistent.
/// </summary>
public class DecoderFuzzTests
{
    private const int MaxFrame = 128;
    private static readonly LinkType[] Links =
    [
        LinkType.Null, LinkType.Ethernet, LinkType.RawOpenBsd, LinkType.RawLegacy, LinkType.Raw, LinkType.LinuxSll,
        LinkType.Loop, LinkType.IPv4, LinkType.IPv6, LinkType.LinuxSll2, (LinkType)105,
    ];

    private static readonly byte[] Interesting = [0x00, 0xFF, 0x7F, 0x80, 0x45, 0x4F, 0x60, 0x08, 0x86, 0xDD, 0x81, 0x2C, 0x3C, 0x2B, 0x06, 0x11, 0x3A, 0x01];

    [Fact]
    public void Decode_ThreeMillionMutatedFrames_NeverThrowsAndOkRecordsAreConsistent()
    {
        var random = new Random(7);
        var seeds = new GeneratedFrame[512];
        for (var i = 0; i < seeds.Length; i++)
        {
            seeds[i] = RandomFrames.Next(random, maxPayload: 16);
        }

        var buffer = new byte[MaxFrame + 32];
        var counts = new long[5];
        for (var n = 0; n < 3_000_000; n++)
        {
            var seed = seeds[random.Next(seeds.Length)];
            var length = Math.Min(seed.Bytes.Length, MaxFrame);
            seed.Bytes.AsSpan(0, length).CopyTo(buffer);
            length = Mutate(random, buffer, length);
            var link = random.Next(8) == 0 ? Links[random.Next(Links.Length)] : seed.Link;

            var status = PacketDecoder.Decode(link, buffer.AsSpan(0, length), n, out var record);
            counts[(int)status]++;
            AssertConsistent(status, record, length, n);
        }

        // The mutations must reach every outcome, or the fuzzing proves little.
        Assert.All(counts, c => Assert.True(c > 1000, $"outcome counts {string.Join(", ", counts)}"));
        Assert.True(counts[(int)DecodeStatus.Ok] > 1_000_000, $"only {counts[0]} Ok");
    }

    [Fact]
    public void Decode_OneMillionRandomFrames_NeverThrowsAndOkRecordsAreConsistent()
    {
        var random = new Random(11);
        var buffer = new byte[MaxFrame];
        for (var n = 0; n < 1_000_000; n++)
        {
            var length = random.Next(MaxFrame + 1);
            random.NextBytes(buffer.AsSpan(0, length));
            var link = Links[n % Links.Length];

            // Give half the frames a plausible start so that they get past the link and version checks.
            if (n % 2 == 0 && length > 24)
            {
                Plausible(link, buffer, random);
            }

            var status = PacketDecoder.Decode(link, buffer.AsSpan(0, length), n, out var record);
            AssertConsistent(status, record, length, n);
        }
    }

    private static int Mutate(Random random, byte[] buffer, int length)
    {
        var mutations = random.Next(1, 5);
        for (var m = 0; m < mutations; m++)
        {
            switch (random.Next(6))
            {
                case 0 when length > 0:
                    buffer[random.Next(length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when length > 0:
                    buffer[random.Next(length)] = (byte)random.Next(256);
                    break;
                case 2 when length > 0:
                    buffer[random.Next(length)] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 3:
                    length = random.Next(length + 1);
                    break;
                case 4 when length < MaxFrame:
                    var extra = random.Next(1, Math.Min(16, MaxFrame - length) + 1);
                    random.NextBytes(buffer.AsSpan(length, extra));
                    length += extra;
                    break;
                default:
                    break;
            }
        }

        return length;
    }

    private static void Plausible(LinkType link, byte[] buffer, Random random)
    {
        var v6 = random.Next(2) == 0;
        var ip = link switch
        {
            LinkType.Ethernet => 14,
            LinkType.LinuxSll => 16,
            LinkType.LinuxSll2 => 20,
            LinkType.Null or LinkType.Loop => 4,
            _ => 0,
        };
        var etherType = v6 ? (byte)0x86 : (byte)0x08;
        switch (link)
        {
            case LinkType.Ethernet:
                buffer[12] = etherType;
                buffer[13] = v6 ? (byte)0xDD : (byte)0x00;
                break;
            case LinkType.LinuxSll:
                buffer[14] = etherType;
                buffer[15] = v6 ? (byte)0xDD : (byte)0x00;
                break;
            case LinkType.LinuxSll2:
                buffer[0] = etherType;
                buffer[1] = v6 ? (byte)0xDD : (byte)0x00;
                break;
            case LinkType.Null or LinkType.Loop:
                buffer.AsSpan(0, 4).Clear();
                buffer[3] = v6 ? (byte)30 : (byte)2;
                break;
            default:
                break;
        }

        buffer[ip] = v6 ? (byte)0x60 : (byte)(0x45 + random.Next(3));
    }

    private static void AssertConsistent(DecodeStatus status, in PacketRecord r, int length, long ts)
    {
        if (status != DecodeStatus.Ok)
        {
            if (r.TimestampMicros != 0 || r.IpLength != 0 || r.Source != default || r.Destination != default || r.Flags != PacketFlags.None || r.Protocol != 0)
            {
                Assert.Fail($"{status} with a record: {r}");
            }

            return;
        }

        var later = (r.Flags & PacketFlags.LaterFragment) != 0;
        var ok = r.IpLength >= 0
            && r.TimestampMicros == ts
            && r.IpLength <= Math.Max(40 + 65535, length)
            && (r.IsIPv6 || (r.Source.IsIPv4 && r.Destination.IsIPv4 && r.IpLength >= 20))
            && (!r.IsIPv6 || r.IpLength >= 40)
            && (!later || r.IsFragment)
            && ((r.Protocol == IpProtocol.Tcp && !later) || r.TcpFlags == TcpFlags.None)
            && ((r.Protocol is IpProtocol.Tcp or IpProtocol.Udp or IpProtocol.Sctp && !later) || (r.SourcePort == 0 && r.DestinationPort == 0))
            && ((r.Protocol is IpProtocol.Icmp or IpProtocol.Icmpv6 && !later) || r.IcmpType == 0);
        if (!ok)
        {
            Assert.Fail($"inconsistent Ok record from {length} bytes: {r}");
        }
    }
}
