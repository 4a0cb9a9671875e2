using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetGuard.Evaluation.Captures;

/// <summary>The truth file: per capture, events of who attacks whom and what NetGuard should do.</summary>
internal sealed record TruthFile(IReadOnlyList<TruthCapture> Captures)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static TruthFile Load(string path)
    {
        var file = JsonSerializer.Deserialize<TruthFile>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path}: empty truth file");
        return file.Captures is null ? throw new InvalidDataException($"{path}: no \"captures\" list") : file;
    }
}

internal sealed record TruthCapture(string File, IReadOnlyList<TruthEvent> Events);

/// <summary>One expected event: kind ("none" for benign), source and target, and the expected action.</summary>
internal sealed record TruthEvent(string Kind, string Source, string Target, string Expect)
{
    [JsonIgnore]
    public bool ExpectsBlock => Expect == "block-source";

    [JsonIgnore]
    public bool IsBenign => Kind == "none";

    [JsonIgnore]
    public bool IsDistributed => Expect == "alert-victim-no-mass-block";
}
