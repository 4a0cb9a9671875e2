namespace NetGuard.Evaluation.Nab;

/// <summary>
/// Reads a detector's results as NAB stores them: results/&lt;detector&gt;/&lt;category&gt;/&lt;detector&gt;_&lt;name&gt;.csv
/// with an anomaly_score column, one row per data row.
/// </summary>
internal static class NabResultsReader
{
    /// <summary>The anomaly scores of every corpus file, in corpus order, checked row by row against the data's timestamps.</summary>
    public static IReadOnlyList<double[]> Read(NabCorpus corpus, string detectorDirectory, string detectorName)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var all = new List<double[]>(corpus.Files.Count);
        foreach (var file in corpus.Files)
        {
            var category = Path.GetDirectoryName(file.Name) ?? string.Empty;
            var path = Path.Combine(detectorDirectory, category, detectorName + "_" + Path.GetFileName(file.Name));
            var (timestamps, scores) = NabCsv.Read(path, "anomaly_score");
            if (!timestamps.SequenceEqual(file.Timestamps))
            {
                throw new InvalidDataException($"{path}: timestamps differ from data/{file.Name}");
            }

            all.Add(scores);
        }

        return all;
    }
}
