namespace NetGuard.Evaluation.Nab;

/// <summary>Arguments of <c>nab</c>: <c>--data DIR [--detector NAME]... [--json] [--list]</c>.</summary>
internal sealed record NabCommandOptions(string? DataDirectory, IReadOnlyList<string> Detectors, bool Json, bool List)
{
    public const string Usage =
        "usage: NetGuard.Evaluation nab [--data DIR] [--detector NAME]... [--json] [--list]\n" +
        "  --data DIR       NAB root (holding data/, labels/, profiles.json) or a directory with nab/ in it;\n" +
        "                   default: ../shared/data/nab beside the repository\n" +
        "  --detector NAME  run this registered detector (repeatable; \"all\" runs every one); default: ensemble\n" +
        "  --json           end each detector's output with one JSON line (the last line of stdout)\n" +
        "  --list           print the registered detector names and exit";

    /// <returns>The options, or null with <paramref name="error"/> set.</returns>
    public static NabCommandOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? data = null;
        var detectors = new List<string>();
        bool json = false, list = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Count:
                    data = args[++i];
                    break;
                case "--detector" when i + 1 < args.Count:
                    detectors.Add(args[++i]);
                    break;
                case "--json":
                    json = true;
                    break;
                case "--list":
                    list = true;
                    break;
                default:
                    error = $"unexpected argument \"{args[i]}\"";
                    return null;
            }
        }

        error = null;
        return new NabCommandOptions(data, detectors, json, list);
    }
}
