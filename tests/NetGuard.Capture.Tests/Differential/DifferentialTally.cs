using NetGuard.Capture.Decoding;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Differential;

/// <summary>
/// Decodes frames with NetGuard's decoder and with PacketDotNet, compares every field both extract,
/// and counts what was compared, what was skipped and why. Disagreements are kept as messages.
/// </summary>
internal sealed class DifferentialTally
{
    private const int MaxMessages = 20;
    private readonly List<string> _messages = [];

    public long Frames { get; private set; }

    public long OursIp { get; private set; }

    /// <summary>Our IP packets with a transport header PacketDotNet reads too (TCP, UDP, ICMP, ICMPv6; not later fragments).</summary>
    public long OursTransport { get; private set; }

    public long OursIPv4TcpUdp { get; private set; }

    /// <summary>Skipped: a link type PacketDotNet 1.4.8 does not implement.</summary>
    public long ReferenceUnsupportedLink { get; private set; }

    /// <summary>Skipped: PacketDotNet threw while parsing a tunnelled payload (IP-in-IP, GRE, IPv6-in-IP).</summary>
    public long ReferenceThrewOnTunnel { get; private set; }

    /// <summary>Both found IP: addresses, version and fragment flag compared.</summary>
    public long Compared { get; private set; }

    public long ProtocolCompared { get; private set; }

    public long TransportCompared { get; private set; }

    /// <summary>PacketDotNet reads a non-first IPv6 fragment header at the wrong place (see <see cref="CompareTransport"/>).</summary>
    public long TransportSkippedFragmentHeaderQuirk { get; private set; }

    /// <summary>PacketDotNet walks past the fragment header of a later IPv6 fragment (see <see cref="CompareProtocol"/>).</summary>
    public long ProtocolSkippedLaterFragmentQuirk { get; private set; }

    public long Disagreements { get; private set; }

    public IReadOnlyList<string> Messages => _messages;

    public DecodeStatus Add(LinkType link, byte[] frame, long timestampMicros, string where, out PacketRecord ours)
    {
        Frames++;
        var status = PacketDecoder.Decode(link, frame, timestampMicros, out ours);
        if (status == DecodeStatus.Ok)
        {
            OursIp++;
            OursTransport += HasTransport(ours) ? 1 : 0;
            OursIPv4TcpUdp += !ours.IsIPv6 && HasTransport(ours) && ours.Protocol is IpProtocol.Tcp or IpProtocol.Udp ? 1 : 0;
        }

        var layer = PacketDotNetOracle.LinkLayerFor(link, frame);
        if (layer is null)
        {
            ReferenceUnsupportedLink++;
            return status;
        }

        ReferenceFields? reference;
        try
        {
            reference = PacketDotNetOracle.Read(layer.Value, frame);
        }
        catch (IndexOutOfRangeException) when (status == DecodeStatus.Ok && ours.Protocol is (IpProtocol)4 or (IpProtocol)41 or IpProtocol.Gre)
        {
            // PacketDotNet parses the tunnelled packet too and throws on a payload that is not one.
            ReferenceThrewOnTunnel++;
            return status;
        }

        Compare(status, ours, reference, where);
        return status;
    }

    private void Compare(DecodeStatus status, in PacketRecord ours, ReferenceFields? reference, string where)
    {
        if (status != DecodeStatus.Ok || reference is null)
        {
            // Agreement only when neither found an IP packet.
            if (status == DecodeStatus.Ok || reference is not null)
            {
                Disagree(where, $"ours {status} {(status == DecodeStatus.Ok ? ours.ToString() : "")}, PacketDotNet {(reference is null ? "no IP packet" : reference.ToString())}");
            }

            return;
        }

        Compared++;
        Check(where, "source", ours.Source, reference.Source);
        Check(where, "destination", ours.Destination, reference.Destination);
        Check(where, "IPv6", ours.IsIPv6, reference.IsIPv6);
        Check(where, "fragment", ours.IsFragment, reference.Fragment);
        CompareProtocol(ours, reference, where);
        CompareTransport(ours, reference, where);
    }

    private void CompareProtocol(in PacketRecord ours, ReferenceFields reference, string where)
    {
        // Quirk: for a later IPv6 fragment NetGuard reports the fragment header's own next header, which per
        // RFC 8200 names the first header of the fragmentable part. When that is another extension header,
        // PacketDotNet keeps walking the chain through the fragment's data and reports whatever it ends on.
        if ((ours.Flags & PacketFlags.LaterFragment) != 0 && ours.IsIPv6 && IsExtensionHeader(ours.Protocol))
        {
            ProtocolSkippedLaterFragmentQuirk++;
            return;
        }

        ProtocolCompared++;
        Check(where, "protocol", ours.Protocol, reference.Protocol);
    }

    private void CompareTransport(in PacketRecord ours, ReferenceFields reference, string where)
    {
        var referenceHas = reference.SourcePort is not null || reference.IcmpType is not null;
        if (!HasTransport(ours))
        {
            if (referenceHas)
            {
                Disagree(where, $"PacketDotNet read a transport header NetGuard did not: ours {ours}, PacketDotNet {reference}");
            }

            return;
        }

        if (!referenceHas)
        {
            // Quirk: PacketDotNet 1.4.8 builds every IPv6 extension header from the bytes right after the fixed
            // header (IPv6Packet.ParseExtensionHeaders uses Header.NextSegment for each), so a fragment header that
            // is not first takes its offset from the first header's bytes, looks like a later fragment, and the
            // transport header is left unparsed. Only the chain of next-header values is right.
            if (reference.FragmentHeaderAfterAnotherExtension)
            {
                TransportSkippedFragmentHeaderQuirk++;
                return;
            }

            Disagree(where, $"PacketDotNet read no transport header: ours {ours}, PacketDotNet {reference}");
            return;
        }

        TransportCompared++;
        if (ours.Protocol is IpProtocol.Icmp or IpProtocol.Icmpv6)
        {
            Check(where, "ICMP type", ours.IcmpType, reference.IcmpType);
            return;
        }

        Check(where, "source port", ours.SourcePort, reference.SourcePort);
        Check(where, "destination port", ours.DestinationPort, reference.DestinationPort);
        Check(where, "TCP flags", ours.TcpFlags, reference.TcpFlags ?? TcpFlags.None);
    }

    private static bool HasTransport(in PacketRecord r) =>
        (r.Flags & PacketFlags.LaterFragment) == 0 && r.Protocol is IpProtocol.Tcp or IpProtocol.Udp or IpProtocol.Icmp or IpProtocol.Icmpv6;

    private static bool IsExtensionHeader(IpProtocol p) => (byte)p is 0 or 43 or 44 or 51 or 60;

    private void Check<T>(string where, string field, T ours, T reference)
    {
        if (!EqualityComparer<T>.Default.Equals(ours, reference))
        {
            Disagree(where, $"{field}: ours {ours}, PacketDotNet {reference}");
        }
    }

    private void Disagree(string where, string what)
    {
        Disagreements++;
        if (_messages.Count < MaxMessages)
        {
            _messages.Add($"{where}: {what}");
        }
    }
}
