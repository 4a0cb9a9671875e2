using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using NetGuard.Evaluation.Nab;
using NetGuard.Testing;

namespace NetGuard.Evaluation.Tests.Nab;

/// <summary>The NAB corpus from ../shared/data/nab, loaded once; tests skip with a clear message without it.</summary>
internal static class NabTestData
{
    private static readonly Lazy<NabCorpus?> _corpus = new(() =>
    {
        var root = Root;
        return root is null ? null : NabCorpus.Load(root);
    });

    public static string? Root => SharedData.Directory is null ? null : NabCorpus.FindRoot(SharedData.Directory);

    /// <summary>The corpus, or skips the calling test when ../shared/data/nab is absent.</summary>
    public static NabCorpus Corpus()
    {
        if (_corpus.Value is null)
        {
            Assert.Skip(SharedData.Directory is null ? SharedData.MissingMessage : "../shared/data has no nab/ corpus; this test needs it.");
        }

        return _corpus.Value;
    }

    /// <summary>A detector's published normalised scores from results/final_results.json, by profile.</summary>
    public static IReadOnlyDictionary<string, double> PublishedScores(NabCorpus corpus, string detector)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus.Root, "results", "final_results.json")));
        return document.RootElement.GetProperty(detector).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }

    /// <summary>Extracts results/&lt;archive&gt;.tar.gz to a fresh temporary directory, deleted on dispose.</summary>
    public static TempDirectory ExtractResults(NabCorpus corpus, string archive)
    {
        var directory = new TempDirectory();
        using var file = File.OpenRead(Path.Combine(corpus.Root, "results", archive));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(gzip, directory.Path, overwriteFiles: false);
        return directory;
    }
}
