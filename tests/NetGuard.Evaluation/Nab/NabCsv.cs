using System.Globalization;

namespace NetGuard.Evaluation.Nab;

/// <summary>Reads NAB's CSV files: a header, then comma-separated rows whose first column is the timestamp.</summary>
internal static class NabCsv
{
    private static readonly string[] _timestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    ];

    public static DateTime ParseTimestamp(string text) =>
        DateTime.ParseExact(text.Trim(), _timestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>Reads the timestamp column and the named numeric column.</summary>
    public static (DateTime[] Timestamps, double[] Values) Read(string path, string column)
    {
        using var reader = new StreamReader(path);
        return Read(reader, column, path);
    }

    public static (DateTime[] Timestamps, double[] Values) Read(TextReader reader, string column, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{source}: empty file");
        var index = Array.IndexOf(header.Split(','), column);
        if (index < 0)
        {
            throw new InvalidDataException($"{source}: no column \"{column}\" in header \"{header}\"");
        }

        var timestamps = new List<DateTime>();
        var values = new List<double>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length <= index)
            {
                throw new InvalidDataException($"{source}: row {timestamps.Count + 1} has no column {index}");
            }

            timestamps.Add(ParseTimestamp(fields[0]));
            values.Add(double.Parse(fields[index], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return ([.. timestamps], [.. values]);
    }
}
