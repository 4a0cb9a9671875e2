using System.Net;
using System.Net.Sockets;
using NetGuard.Core.Packets;

namespace NetGuard.Enforcers.Windows;

/// <summary>
/// Parses the English output of <c>netsh advfirewall firewall show rule</c>: blocks that start with
/// "Rule Name:", then "Key:   value" lines; a long value may continue on indented lines.
/// </summary>
internal static class NetshOutput
{
    public static List<NetshRule> ParseRules(string output)
    {
        var rules = new List<NetshRule>();
        Dictionary<string, string>? fields = null;
        string? lastKey = null;
        foreach (var raw in output.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            if (char.IsWhiteSpace(raw[0]))
            {
                // A continuation of the previous value (long address lists wrap).
                if (fields is not null && lastKey is not null)
                {
                    fields[lastKey] = fields[lastKey].TrimEnd(',') + "," + raw.Trim();
                }

                continue;
            }

            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                lastKey = null;
                continue;
            }

            var key = raw[..colon].Trim();
            var value = raw[(colon + 1)..].Trim();
            if (key == "Rule Name")
            {
                Flush(fields, rules);
                fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            if (fields is not null)
            {
                fields[key] = value;
                lastKey = key;
            }
        }

        Flush(fields, rules);
        return rules;
    }

    /// <summary>One RemoteIP entry as netsh shows it: "203.0.113.7", "203.0.113.7/32", "198.51.100.0/255.255.255.0", "2001:db8::/48", "a-a".</summary>
    public static bool TryParseRemote(string entry, out NetPrefix prefix)
    {
        prefix = default;
        var text = entry.Trim();
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            // A range is a block of ours only when it is one address.
            var first = text[..dash];
            if (!IPAddress.TryParse(first, out var a) || !IPAddress.TryParse(text[(dash + 1)..], out var b) || !a.Equals(b))
            {
                return false;
            }

            text = first;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && text.IndexOf('.', slash) > slash && IPAddress.TryParse(text[(slash + 1)..], out var mask) && mask.AddressFamily == AddressFamily.InterNetwork)
        {
            if (MaskLength(mask) is not { } length)
            {
                return false;
            }

            text = $"{text[..slash]}/{length}";
        }

        // Host bits set ("10.0.0.5/24") is not how this enforcer writes a prefix.
        var address = slash > 0 ? text[..text.IndexOf('/', StringComparison.Ordinal)] : text;
        return NetPrefix.TryParse(text, out prefix) && NetAddress.TryParse(address, out var written) && written == prefix.Network;
    }

    private static int? MaskLength(IPAddress mask)
    {
        Span<byte> bytes = stackalloc byte[4];
        mask.TryWriteBytes(bytes, out _);
        var value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        var length = System.Numerics.BitOperations.PopCount(value);
        var expected = length == 0 ? 0u : uint.MaxValue << (32 - length);
        return value == expected ? length : null;
    }

    private static void Flush(Dictionary<string, string>? fields, List<NetshRule> rules)
    {
        if (fields is null || !fields.TryGetValue("Rule Name", out var name))
        {
            return;
        }

        var targets = new List<NetPrefix>();
        var other = false;
        foreach (var entry in (fields.GetValueOrDefault("RemoteIP") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParseRemote(entry, out var prefix))
            {
                targets.Add(prefix);
            }
            else
            {
                other = true;
            }
        }

        rules.Add(new NetshRule(
            name,
            fields.GetValueOrDefault("Grouping") ?? "",
            fields.GetValueOrDefault("Direction") ?? "",
            fields.GetValueOrDefault("Action") ?? "",
            targets,
            other));
    }
}
