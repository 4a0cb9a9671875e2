using System.Text.Json;
using System.Text.Json.Serialization;
using NetGuard.Core.Packets;

namespace NetGuard.Remediation.Journal;

/// <summary>JSON settings shared by the journal and the decisions file: readable, enums as names, prefixes as text.</summary>
internal static class JournalJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(), new NetPrefixConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Operators read and edit these files: keep '+' and non-ASCII text as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed class NetPrefixConverter : JsonConverter<NetPrefix>
    {
        public override NetPrefix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return NetPrefix.TryParse(text, out var prefix) ? prefix : throw new JsonException($"'{text}' is not an address or prefix");
        }

        public override void Write(Utf8JsonWriter writer, NetPrefix value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Length == (value.IsIPv4 ? 32 : 128) ? value.Network.ToString() : value.ToString());
    }
}
