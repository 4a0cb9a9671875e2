using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Remediation.Operator;

namespace NetGuard.Remediation.Journal;

/// <summary>
/// JSON settings shared by the journal and the decisions file: readable, enums as names, prefixes as
/// text. The contracts are source-generated (<see cref="JournalJsonContext"/>), so the ahead-of-time
/// compiled daemon reads and writes them without reflection.
/// </summary>
internal static class JournalJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter<DecisionState>(), new NetPrefixConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = JournalJsonContext.Default,

        // Operators read and edit these files: keep '+' and non-ASCII text as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonTypeInfo<JournalDocument> Journal { get; } = (JsonTypeInfo<JournalDocument>)Options.GetTypeInfo(typeof(JournalDocument));

    public static JsonTypeInfo<OperatorDocument> Decisions { get; } = (JsonTypeInfo<OperatorDocument>)Options.GetTypeInfo(typeof(OperatorDocument));

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

/// <summary>Source-generated metadata for the journal and the decisions file (options come from <see cref="JournalJson.Options"/>).</summary>
[JsonSerializable(typeof(JournalDocument))]
[JsonSerializable(typeof(OperatorDocument))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
