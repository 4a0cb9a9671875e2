using NetGuard.Core.Detection;
using NetGuard.Core.Remediation;

namespace NetGuard.Reporting.Rendering;

internal static partial class ReportPage
{
    private static void WriteAlerts(TextWriter w, ReportContent c)
    {
        w.Write("<section id=\"alerts\">\n<h2>Alerts</h2>\n");
        if (c.Alerts.Count == 0)
        {
            w.Write("<p class=\"empty\">No alerts.</p>\n</section>\n");
            return;
        }

        w.Write("<table>\n<thead><tr><th>time (UTC)</th><th>kind</th><th>subject</th><th>metric</th><th class=\"num\">value</th><th class=\"num\">baseline</th><th class=\"num\">score</th><th>detector</th><th>decision</th></tr></thead>\n<tbody>\n");
        foreach (var a in c.Alerts)
        {
            var decision = c.Decisions.FirstOrDefault(d => Second(d) == Second(a) && d.Target.Contains(a.Subject));
            var subject = a.Peer is { } peer ? $"{a.Subject} ({(a.Role == SubjectRole.Source ? "source" : "destination")}) → {peer}" : $"{a.Subject} ({(a.Role == SubjectRole.Source ? "source" : "destination")})";
            w.Write($"<tr data-time=\"{Units.Invariant(Second(a))}\"><td>{Units.Time(Second(a))}</td><td class=\"kind\">{Html.Escape(a.Kind.Name())}</td><td>{Html.Escape(subject)}</td>");
            w.Write($"<td><code>{Html.Escape(a.Metric)}</code></td><td class=\"num\">{Units.Number(a.Value)}</td><td class=\"num\">{Units.Number(a.Baseline)}</td><td class=\"num\">{Units.Number(a.Score)}</td>");
            w.Write($"<td>{Html.Escape(a.Detector)}</td><td>{(decision is null ? "–" : $"<span class=\"state\">{StateName(decision.State)}</span> <code>{Html.Escape(decision.Id)}</code>")}</td></tr>\n");
        }

        w.Write("</tbody>\n</table>\n");
        if (c.AlertsOmitted > 0)
        {
            w.Write($"<p class=\"note\">{Units.Count(c.AlertsOmitted)} later alerts are not listed.</p>\n");
        }

        w.Write("</section>\n");
    }

    private static void WriteDecisions(TextWriter w, ReportContent c)
    {
        w.Write("<section id=\"decisions\">\n<h2>Decisions</h2>\n");
        if (c.Decisions.Count == 0)
        {
            w.Write("<p class=\"empty\">No decisions.</p>\n");
        }
        else
        {
            w.Write("<table>\n<thead><tr><th>time (UTC)</th><th>id</th><th>target</th><th>state</th><th class=\"num\">ttl</th><th>reason</th></tr></thead>\n<tbody>\n");
            foreach (var d in c.Decisions)
            {
                w.Write($"<tr data-time=\"{Units.Invariant(Second(d))}\"><td>{Units.Time(Second(d))}</td><td><code>{Html.Escape(d.Id)}</code></td><td>{Html.Escape(Target(d))}</td>");
                w.Write($"<td class=\"state\">{StateName(d.State)}</td><td class=\"num\">{Units.Duration(d.Ttl.TotalSeconds)}</td><td>{Html.Escape(d.Reason)}</td></tr>\n");
            }

            w.Write("</tbody>\n</table>\n");
        }

        if (c.DecisionsOmitted > 0)
        {
            w.Write($"<p class=\"note\">{Units.Count(c.DecisionsOmitted)} transitions of later decisions are not listed.</p>\n");
        }

        foreach (var notice in c.Notices)
        {
            w.Write($"<p class=\"note\">Notice: {Html.Escape(notice)}</p>\n");
        }

        w.Write("</section>\n");
    }

    private static void WriteTalkers(TextWriter w, ReportContent c)
    {
        w.Write("<section id=\"talkers\">\n<h2>Top talkers</h2>\n");
        if (c.Talkers.Count == 0)
        {
            w.Write("<p class=\"empty\">No hosts.</p>\n</section>\n");
            return;
        }

        w.Write("<table>\n<thead><tr><th class=\"num\">#</th><th>host</th><th class=\"num\">bytes sent and received</th><th class=\"num\">packets</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < c.Talkers.Count; i++)
        {
            var t = c.Talkers[i];
            var bytes = t.Overestimate > 0 ? $"≤ {Units.Si(t.Bytes, "B")}" : Units.Si(t.Bytes, "B");
            w.Write($"<tr><td class=\"num\">{i + 1}</td><td>{Html.Escape(t.Host.ToString())}</td><td class=\"num\">{Html.Escape(bytes)}</td><td class=\"num\">{Units.Count(t.Packets)}</td></tr>\n");
        }

        w.Write("</tbody>\n</table>\n");
        if (c.Talkers.Any(t => t.Overestimate > 0))
        {
            w.Write("<p class=\"note\">With more hosts than counters, the list is an estimate (Space-Saving): bytes marked ≤ may be overstated, and packets count from when the host got its counter.</p>\n");
        }

        w.Write("</section>\n");
    }

    private static string Target(Decision d) => d.Target.Length == (d.Target.IsIPv4 ? 32 : 128) ? d.Target.Network.ToString() : d.Target.ToString();
}
