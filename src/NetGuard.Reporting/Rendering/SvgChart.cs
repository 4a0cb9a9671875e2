using System.Text;

namespace NetGuard.Reporting.Rendering;

/// <summary>
/// One inline SVG chart on the report's shared time axis: frame, grid, labelled axes, then layers
/// (bands, lines, reference lines) and markers in the order added. The root element carries the
/// time axis (<c>data-start</c>, <c>data-end</c> in Unix seconds; <c>data-left</c>, <c>data-right</c>
/// in user units), so a marker's x can be checked against its <c>data-time</c>.
/// </summary>
internal sealed partial class SvgChart
{
    public const int Width = 960;
    public const double PlotLeft = 76;
    public const double PlotRight = Width - 16;
    public const double PlotTop = 12;
    private const double BottomMargin = 40;
    private readonly StringBuilder _layers = new();
    private readonly StringBuilder _markers = new();
    private readonly int _height;
    private readonly string _yTitle;
    private readonly string _label;

    public SvgChart(TimeAxis x, ValueAxis y, int height, string yTitle, string label)
    {
        X = x;
        Y = y;
        _height = height;
        _yTitle = yTitle;
        _label = label;
    }

    public TimeAxis X { get; }

    public ValueAxis Y { get; }

    /// <summary>The plot's bottom edge for a chart <paramref name="height"/> tall.</summary>
    public static double PlotBottom(int height) => height - BottomMargin;

    public static TimeAxis TimeAxis(long start, long end) => new(start, end, PlotLeft, PlotRight);

    public string Render()
    {
        var bottom = PlotBottom(_height);
        var svg = new StringBuilder(4096 + _layers.Length + _markers.Length);
        svg.Append("<svg class=\"chart\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(_height)
            .Append("\" width=\"").Append(Width).Append("\" height=\"").Append(_height)
            .Append("\" role=\"img\" aria-label=\"").Append(Html.Escape(_label))
            .Append("\" data-start=\"").Append(Units.Invariant(X.Start)).Append("\" data-end=\"").Append(Units.Invariant(X.End))
            .Append("\" data-left=\"").Append(Units.Px(X.Left)).Append("\" data-right=\"").Append(Units.Px(X.Right)).Append("\">\n");
        svg.Append("<title>").Append(Html.Escape(_label)).Append("</title>\n");
        svg.Append("<rect class=\"plot\" x=\"").Append(Units.Px(PlotLeft)).Append("\" y=\"").Append(Units.Px(PlotTop))
            .Append("\" width=\"").Append(Units.Px(PlotRight - PlotLeft)).Append("\" height=\"").Append(Units.Px(bottom - PlotTop)).Append("\"/>\n");

        svg.Append("<g class=\"grid\">");
        foreach (var (value, _) in Y.Ticks)
        {
            var y = Units.Px(Y.Y(value));
            svg.Append("<line x1=\"").Append(Units.Px(PlotLeft)).Append("\" x2=\"").Append(Units.Px(PlotRight))
                .Append("\" y1=\"").Append(y).Append("\" y2=\"").Append(y).Append("\"/>");
        }

        var ticks = X.Ticks();
        foreach (var (second, _) in ticks)
        {
            var x = Units.Px(X.X(second));
            svg.Append("<line x1=\"").Append(x).Append("\" x2=\"").Append(x)
                .Append("\" y1=\"").Append(Units.Px(PlotTop)).Append("\" y2=\"").Append(Units.Px(bottom)).Append("\"/>");
        }

        svg.Append("</g>\n<g class=\"axis y\">");
        foreach (var (value, label) in Y.Ticks)
        {
            Text(svg, PlotLeft - 6, Y.Y(value) + 4, "end", label);
        }

        svg.Append("</g>\n<g class=\"axis x\">");
        foreach (var (second, label) in ticks)
        {
            // Labels at the plot's ends stay inside the picture.
            var x = X.X(second);
            Text(svg, x, bottom + 15, x > PlotRight - 28 ? "end" : x < PlotLeft + 28 ? "start" : "middle", label);
        }

        svg.Append("</g>\n");
        svg.Append("<text class=\"axis-title\" transform=\"rotate(-90)\" x=\"").Append(Units.Px(-(PlotTop + bottom) / 2))
            .Append("\" y=\"14\" text-anchor=\"middle\">").Append(Html.Escape(_yTitle)).Append("</text>\n");
        Text(svg, (PlotLeft + PlotRight) / 2, _height - 6, "middle", X.Title(), "axis-title");
        svg.Append('\n');
        svg.Append(_layers).Append(_markers).Append("</svg>\n");
        return svg.ToString();
    }

    private static void Text(StringBuilder svg, double x, double y, string anchor, string text, string? cssClass = null)
    {
        svg.Append("<text");
        if (cssClass is not null)
        {
            svg.Append(" class=\"").Append(cssClass).Append('"');
        }

        svg.Append(" x=\"").Append(Units.Px(x)).Append("\" y=\"").Append(Units.Px(y)).Append("\" text-anchor=\"").Append(anchor).Append("\">")
            .Append(Html.Escape(text)).Append("</text>");
    }
}
