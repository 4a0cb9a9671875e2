using System.Globalization;

namespace NetGuard.Reporting.Rendering;

/// <summary>Numbers, sizes, durations and times as the page prints them (invariant culture).</summary>
internal static class Units
{
    private static readonly string[] Prefixes = ["", "k", "M", "G", "T", "P", "E"];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Three significant digits with an SI prefix: 950, 1.2k, 34.5M.</summary>
    public static string Si(double value, string unit = "")
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "–";
        }

        var sign = value < 0 ? "-" : "";
        var v = Math.Abs(value);
        var p = 0;
        while (v >= 999.5 && p < Prefixes.Length - 1)
        {
            v /= 1000;
            p++;
        }

        var digits = v >= 99.95 || (p == 0 && v == Math.Floor(v)) ? "0" : v >= 9.995 ? "0.#" : "0.##";
        var space = unit.Length > 0 ? " " : "";
        return string.Create(Inv, $"{sign}{v.ToString(digits, Inv)}{space}{Prefixes[p]}{unit}");
    }

    public static string Count(long value) => value.ToString("N0", Inv);

    public static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : "0.##", Inv);

    public static string Duration(double seconds) => seconds switch
    {
        < 0.001 => string.Create(Inv, $"{seconds * 1e6:0} µs"),
        < 1 => string.Create(Inv, $"{seconds * 1e3:0.#} ms"),
        < 120 => string.Create(Inv, $"{seconds:0.###} s"),
        < 7200 => string.Create(Inv, $"{seconds / 60:0.#} min"),
        < 172_800 => string.Create(Inv, $"{seconds / 3600:0.#} h"),
        _ => string.Create(Inv, $"{seconds / 86400:0.#} days"),
    };

    /// <summary>UTC, to the second: 2023-11-14 22:13:55Z.</summary>
    public static string Time(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd HH:mm:ss'Z'", Inv);

    /// <summary>UTC with microseconds, as replay's JSON writes times.</summary>
    public static string TimeMicros(long unixMicros) =>
        DateTime.UnixEpoch.AddTicks(unixMicros * 10).ToString("yyyy-MM-dd HH:mm:ss.ffffff'Z'", Inv);

    /// <summary>A coordinate in an SVG attribute: one decimal, invariant.</summary>
    public static string Px(double value) => Math.Round(value, 1).ToString("0.#", Inv);

    public static string Invariant(long value) => value.ToString(Inv);
}
