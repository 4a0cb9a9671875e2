namespace NetGuard.Evaluation.Nab;

/// <summary>One NAB series with its windows.</summary>
/// <param name="Name">Path relative to data/, with forward slashes, e.g. "realTweets/Twitter_volume_AAPL.csv".</param>
internal sealed record NabDataFile(string Name, IReadOnlyList<DateTime> Timestamps, IReadOnlyList<double> Values, NabFileLayout Layout)
{
    public IReadOnlyList<NabWindow> Windows => Layout.Windows;
}
