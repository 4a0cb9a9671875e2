using System.Text.Json;

namespace NetGuard.Evaluation.Nab;

/// <summary>
/// The NAB corpus as laid out in numenta/NAB: data/&lt;category&gt;/&lt;name&gt;.csv, labels/combined_windows.json
/// and profiles.json. Files are the label file's keys in ordinal order.
/// </summary>
internal sealed class NabCorpus
{
    private const string WindowsFile = "labels/combined_windows.json";

    private NabCorpus(string root, IReadOnlyList<NabDataFile> files, IReadOnlyList<NabProfile> profiles, int labelledWindowCount)
    {
        Root = root;
        Files = files;
        Profiles = profiles;
        LabelledWindowCount = labelledWindowCount;
    }

    public string Root { get; }

    public IReadOnlyList<NabDataFile> Files { get; }

    public IReadOnlyList<NabProfile> Profiles { get; }

    /// <summary>Windows in the label file: the perfect score is this times A_TP (116 in NAB v1.1).</summary>
    public int LabelledWindowCount { get; }

    public int PointCount => Files.Sum(f => f.Values.Count);

    /// <summary>
    /// <paramref name="directory"/> itself when it holds labels/combined_windows.json, else its "nab"
    /// subdirectory when that does (so both shared/data and shared/data/nab work); null when neither.
    /// </summary>
    public static string? FindRoot(string directory)
    {
        foreach (var candidate in new[] { directory, Path.Combine(directory, "nab") })
        {
            if (File.Exists(Path.Combine(candidate, WindowsFile)))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    public static NabCorpus Load(string root)
    {
        var profiles = LoadProfiles(Path.Combine(root, "profiles.json"));
        using var labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, WindowsFile)));
        var entries = labels.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

        var files = new List<NabDataFile>(entries.Count);
        var labelled = 0;
        foreach (var entry in entries)
        {
            var path = Path.Combine(root, "data", entry.Name);
            var (timestamps, values) = NabCsv.Read(path, "value");
            var windows = new List<NabWindow>();
            foreach (var limits in entry.Value.EnumerateArray())
            {
                var start = IndexOf(timestamps, limits[0].GetString(), entry.Name);
                var end = IndexOf(timestamps, limits[1].GetString(), entry.Name);
                windows.Add(new NabWindow(start, end));
            }

            labelled += windows.Count;
            files.Add(new NabDataFile(entry.Name, timestamps, values, NabFileLayout.Create(values.Length, windows)));
        }

        return new NabCorpus(Path.GetFullPath(root), files, profiles, labelled);
    }

    /// <summary>Profiles in the file's order; each needs tpWeight, fpWeight and fnWeight in its CostMatrix.</summary>
    public static IReadOnlyList<NabProfile> LoadProfiles(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var profiles = new List<NabProfile>();
        foreach (var profile in document.RootElement.EnumerateObject())
        {
            var costs = profile.Value.GetProperty("CostMatrix");
            profiles.Add(new NabProfile(
                profile.Name,
                costs.GetProperty("tpWeight").GetDouble(),
                costs.GetProperty("fpWeight").GetDouble(),
                costs.GetProperty("fnWeight").GetDouble()));
        }

        return profiles;
    }

    // NAB requires window limits to be timestamps present in the file (labeler.py raises otherwise).
    private static int IndexOf(DateTime[] timestamps, string? limit, string file)
    {
        var t = NabCsv.ParseTimestamp(limit ?? throw new InvalidDataException($"{file}: null window limit"));
        var i = Array.IndexOf(timestamps, t);
        return i >= 0 ? i : throw new InvalidDataException($"{file}: window limit {limit} is not a timestamp of the file");
    }
}
