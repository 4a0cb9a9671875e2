namespace NetGuard.Reporting.Rendering;

/// <summary>The page's only style sheet, inline: the report opens offline and prints as it shows.</summary>
internal static class Styles
{
    public const string Css = """
        :root { --alert: #d1242f; --decision: #8250df; --ink: #1f2328; --muted: #59636e; --grid: #e6e9ed; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); margin: 24px auto; max-width: 1000px; padding: 0 16px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--grid); padding-bottom: 4px; }
        h3 { font-size: 16px; margin: 18px 0 4px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        .source { color: var(--muted); margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
        dl.figures { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
        dl.figures dt { color: var(--muted); } dl.figures dd { margin: 0; font-variant-numeric: tabular-nums; }
        .error { color: var(--alert); font-weight: 600; } .note, .empty { color: var(--muted); }
        figure { margin: 8px 0 16px; } figcaption { font-weight: 600; margin-bottom: 2px; }
        svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; }
        .plot { fill: #fbfcfd; stroke: #d0d7de; } .grid line { stroke: var(--grid); } .axis text { fill: var(--muted); }
        .axis-title { fill: var(--muted); font-size: 11px; }
        .line { fill: none; stroke-width: 1.6; } .packets { stroke: #0969da; } .bytes { stroke: #1a7f37; }
        .envelope { stroke: none; } .envelope.packets { fill: #0969da33; } .envelope.bytes { fill: #1a7f3733; } .envelope.value { fill: #0969da33; }
        .value { stroke: #0969da; } .baseline { stroke: #9a6700; stroke-dasharray: 4 3; } .band { fill: #d4a72c40; stroke: none; }
        .score { stroke: #8250df; } .cusum { stroke: #1b7c83; stroke-dasharray: 2 2; }
        .threshold { stroke: #cf222e99; stroke-dasharray: 6 4; } .threshold-label { fill: #cf222e; font-size: 10px; }
        .marker.alert { stroke: var(--alert); stroke-width: 1.5; } .marker.decision { stroke: var(--decision); stroke-width: 1.5; stroke-dasharray: 5 3; }
        .marker.decision.flag { fill: var(--decision); stroke: none; }
        .alert-point { fill: var(--alert); stroke: #fff; stroke-width: 1.5; }
        ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 2px 0 0 76px; color: var(--muted); font-size: 12px; }
        .swatch { display: inline-block; width: 18px; height: 0; border-top: 3px solid; vertical-align: middle; margin-right: 5px; }
        .swatch.packets { border-color: #0969da; } .swatch.bytes { border-color: #1a7f37; } .swatch.value { border-color: #0969da; }
        .swatch.band { border-top: 9px solid #d4a72c66; } .swatch.baseline { border-top: 2px dashed #9a6700; } .swatch.envelope { border-top: 9px solid #0969da33; }
        .swatch.score { border-color: #8250df; } .swatch.cusum { border-top: 2px dashed #1b7c83; } .swatch.threshold { border-top: 2px dashed #cf222e; }
        .swatch.alert { border-color: var(--alert); } .swatch.decision { border-top: 3px dashed var(--decision); }
        @media print { body { margin: 0; max-width: none; } section.host { break-inside: avoid-page; } }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 13px; }
        th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--grid); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; } td.num, th.num { text-align: right; }
        td.kind { color: var(--alert); font-weight: 600; } .state { font-weight: 600; color: var(--decision); }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
        """;
}
