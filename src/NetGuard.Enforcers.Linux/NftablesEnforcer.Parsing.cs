using System.Globalization;
using System.Text;
using System.Text.Json;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux;

/// <summary>Reading <c>nft -j</c> output and nft's error messages.</summary>
public sealed partial class NftablesEnforcer
{
    /// <summary>
    /// The elements of our four sets in <c>nft -j list table|set</c> output. An element is a plain value
    /// ("203.0.113.7", {"prefix":…}) or {"elem":{"val":…,"timeout":s,"expires":s,"comment":…}}; ranges
    /// that are not a prefix (never written by us) are skipped.
    /// </summary>
    /// <exception cref="InvalidOperationException">The output is not JSON.</exception>
    internal static List<OwnedRule> ParseList(string json)
    {
        try
        {
            return ParseDocument(json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("nft -j printed something that is not JSON: " + e.Message, e);
        }
    }

    private static List<OwnedRule> ParseDocument(string json)
    {
        var owned = new List<OwnedRule>();
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("nftables", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return owned;
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("set", out var set)
                || !IsOurs(set) || !set.TryGetProperty("elem", out var elements) || elements.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var element in elements.EnumerateArray())
            {
                if (ParseElement(element) is { } rule)
                {
                    owned.Add(rule);
                }
            }
        }

        return owned;
    }

    private static bool IsOurs(JsonElement set) =>
        Text(set, "table") == Table && Text(set, "family") == "inet" && Text(set, "name") is Hosts4 or Hosts6 or Nets4 or Nets6;

    private static OwnedRule? ParseElement(JsonElement element)
    {
        var value = element;
        string? comment = null;
        TimeSpan? remaining = null;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("elem", out var detail))
        {
            if (!detail.TryGetProperty("val", out value))
            {
                return null;
            }

            comment = Text(detail, "comment");
            remaining = Seconds(detail, "expires") ?? Seconds(detail, "timeout");
        }

        return ParseValue(value) is { } target
            ? new OwnedRule(BlockRule.IsValidId(comment) ? comment : null, target, remaining)
            : null;
    }

    private static NetPrefix? ParseValue(JsonElement value)
    {
        string? text = null;
        if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString();
        }
        else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("prefix", out var prefix)
            && Text(prefix, "addr") is { } address && prefix.TryGetProperty("len", out var length) && length.TryGetInt32(out var bits))
        {
            text = string.Create(CultureInfo.InvariantCulture, $"{address}/{bits}");
        }

        return NetPrefix.TryParse(text, out var target) ? target : null;
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? Seconds(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.TryGetInt64(out var seconds) ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>
    /// nft reports an error as "Error: what", the offending statement, and a line of carets under the
    /// culprit. Statements here can hold 100,000 elements, so keep the message and the culprit only.
    /// </summary>
    internal static string? DescribeErrors(string standardError)
    {
        var lines = standardError.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var described = new List<string>();
        for (var i = 0; i < lines.Length && described.Count < 3; i++)
        {
            var at = lines[i].IndexOf("Error:", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var message = new StringBuilder(lines[i][at..].Trim());
            if (i + 2 < lines.Length && lines[i + 2].TrimStart().StartsWith('^'))
            {
                var start = lines[i + 2].IndexOf('^', StringComparison.Ordinal);
                var end = lines[i + 2].LastIndexOf('^');
                if (end < lines[i + 1].Length)
                {
                    message.Append(": ").Append(lines[i + 1].AsSpan(start, end - start + 1));
                }

                i += 2;
            }

            described.Add(message.ToString());
        }

        return described.Count == 0 ? null : CommandRunning.FirstLines(string.Join("\n", described), 600);
    }
}
