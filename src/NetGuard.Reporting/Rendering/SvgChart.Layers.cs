using System.Text;

namespace NetGuard.Reporting.Rendering;

internal sealed partial class SvgChart
{
    /// <summary>A filled area between two values of each point (min and max, or a band's low and high), stepped per point.</summary>
    public void Area(IReadOnlyList<SeriesPoint> low, Func<SeriesPoint, double> lowValue, IReadOnlyList<SeriesPoint> high, Func<SeriesPoint, double> highValue, string cssClass)
    {
        var count = Math.Min(low.Count, high.Count);
        foreach (var (from, to) in Runs(low, count))
        {
            var top = new StringBuilder();
            var bottom = new List<string>();
            for (var i = from; i < to; i++)
            {
                var (x0, x1) = Span(low[i]);
                var yTop = Units.Px(Y.Y(highValue(high[i])));
                var yBottom = Units.Px(Y.Y(lowValue(low[i])));
                top.Append(x0).Append(',').Append(yTop).Append(' ').Append(x1).Append(',').Append(yTop).Append(' ');
                bottom.Add(string.Concat(x1, ",", yBottom, " ", x0, ",", yBottom));
            }

            bottom.Reverse();
            _layers.Append("<polygon class=\"").Append(cssClass).Append("\" points=\"").Append(top).AppendJoin(' ', bottom).Append("\"/>\n");
        }
    }

    /// <summary>A stepped line: each point's value held over its seconds; a gap in the series breaks the line.</summary>
    public void Line(IReadOnlyList<SeriesPoint> points, Func<SeriesPoint, double> value, string cssClass)
    {
        foreach (var (from, to) in Runs(points, points.Count))
        {
            var d = new StringBuilder();
            for (var i = from; i < to; i++)
            {
                var (x0, x1) = Span(points[i]);
                var y = Units.Px(Y.Y(value(points[i])));
                d.Append(i == from ? "M" : "L").Append(x0).Append(',').Append(y).Append('H').Append(x1);
            }

            _layers.Append("<path class=\"").Append(cssClass).Append("\" d=\"").Append(d).Append("\"/>\n");
        }
    }

    /// <summary>
    /// A horizontal reference line (a threshold), labelled at <paramref name="labelAt"/> of the plot's
    /// width (thresholds close together get their labels apart).
    /// </summary>
    public void Reference(double value, string label, string cssClass, double labelAt = 1)
    {
        var y = Y.Y(value);
        _layers.Append("<line class=\"").Append(cssClass).Append("\" x1=\"").Append(Units.Px(PlotLeft)).Append("\" x2=\"").Append(Units.Px(PlotRight))
            .Append("\" y1=\"").Append(Units.Px(y)).Append("\" y2=\"").Append(Units.Px(y)).Append("\"/>");
        Text(_layers, PlotLeft + ((PlotRight - PlotLeft) * labelAt) - 4, y - 3, "end", label, cssClass + "-label");
        _layers.Append('\n');
    }

    /// <summary>
    /// A vertical marker across the plot at <paramref name="second"/>, with a hover title and data
    /// attributes; with <paramref name="flag"/>, a small triangle at its top, so it shows beside an
    /// alert marker at the same second.
    /// </summary>
    public void Marker(long second, string cssClass, string title, IEnumerable<(string Name, string Value)> data, bool flag = false)
    {
        if (second < X.Start || second > X.End)
        {
            return;
        }

        var x = X.X(second);
        _markers.Append("<line class=\"").Append(cssClass).Append("\" data-time=\"").Append(Units.Invariant(second)).Append('"');
        Data(data);
        _markers.Append(" x1=\"").Append(Units.Px(x)).Append("\" x2=\"").Append(Units.Px(x))
            .Append("\" y1=\"").Append(Units.Px(PlotTop)).Append("\" y2=\"").Append(Units.Px(PlotBottom(_height)))
            .Append("\"><title>").Append(Html.Escape(title)).Append("</title></line>\n");
        if (flag)
        {
            _markers.Append("<path class=\"").Append(cssClass).Append(" flag\" d=\"M").Append(Units.Px(x - 5)).Append(',').Append(Units.Px(PlotTop))
                .Append('H').Append(Units.Px(x + 5)).Append('L').Append(Units.Px(x)).Append(',').Append(Units.Px(PlotTop + 9))
                .Append("Z\"><title>").Append(Html.Escape(title)).Append("</title></path>\n");
        }
    }

    /// <summary>A dot at a value and time (an alert's value), with a hover title and data attributes.</summary>
    public void Dot(long second, double value, string cssClass, string title, IEnumerable<(string Name, string Value)> data)
    {
        if (second < X.Start || second > X.End)
        {
            return;
        }

        _markers.Append("<circle class=\"").Append(cssClass).Append("\" data-time=\"").Append(Units.Invariant(second)).Append('"');
        Data(data);
        _markers.Append(" cx=\"").Append(Units.Px(X.X(second))).Append("\" cy=\"").Append(Units.Px(Y.Y(value)))
            .Append("\" r=\"4.5\"><title>").Append(Html.Escape(title)).Append("</title></circle>\n");
    }

    private void Data(IEnumerable<(string Name, string Value)> data)
    {
        foreach (var (name, value) in data)
        {
            _markers.Append(" data-").Append(name).Append("=\"").Append(Html.Escape(value)).Append('"');
        }
    }

    /// <summary>The point's seconds as x, clipped to the axis.</summary>
    private (string From, string To) Span(SeriesPoint p) =>
        (Units.Px(X.X(Math.Max(p.Start, X.Start))), Units.Px(X.X(Math.Min(p.End, X.End))));

    /// <summary>Index ranges of points inside the axis with no gap between neighbours.</summary>
    private List<(int From, int To)> Runs(IReadOnlyList<SeriesPoint> points, int count)
    {
        var runs = new List<(int, int)>();
        var from = -1;
        for (var i = 0; i < count; i++)
        {
            var inside = points[i].End > X.Start && points[i].Start < X.End;
            if (!inside || (from >= 0 && points[i].Start > points[i - 1].End))
            {
                if (from >= 0)
                {
                    runs.Add((from, i));
                }

                from = inside ? i : -1;
            }
            else if (from < 0)
            {
                from = i;
            }
        }

        if (from >= 0)
        {
            runs.Add((from, count));
        }

        return runs;
    }
}
