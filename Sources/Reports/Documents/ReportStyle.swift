/// The report's inline style sheet: readable on screen, A4 landscape in print, CJK fonts first
/// so Chinese names render with a proper face wherever one is installed, colours with enough
/// contrast on white and distinguishable without colour vision (phases also differ in lightness,
/// lateness is also written out).
enum ReportStyle {
    /// The font stack: CJK faces of Linux, macOS and Windows, then the system sans-serif.
    static let fonts = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", "
        + "\"Noto Sans\", \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif"

    /// The style sheet, with the phase colours of `palette`.
    static func css(palette: PhasePalette) -> String {
        """
        @page { size: A4 landscape; margin: 11mm 12mm; }
        :root { --ink: #1f2933; --muted: #52606d; --rule: #d9e2ec; --band: #f5f7fa; --accent: #0b4f8a;
          --late: #b42318; --late-bg: #fdecea; --ok: #067647; }
        * { box-sizing: border-box; }
        html { font-family: \(fonts); color: var(--ink); background: #fff;
          font-size: 13px; line-height: 1.45; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; }
        main { max-width: 1100px; margin: 0 auto; padding: 28px 32px 40px; }
        h1 { font-size: 22px; line-height: 1.3; margin: 0 0 4px; font-weight: 700; overflow-wrap: anywhere; }
        h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); overflow-wrap: anywhere; }
        h3 { font-size: 14px; margin: 20px 0 6px; color: var(--accent); }
        p { margin: 4px 0 8px; }
        .meta { color: var(--muted); margin: 0 0 14px; overflow-wrap: anywhere; }
        .note { color: var(--muted); font-size: 11.5px; }
        .kpis { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0 6px; padding: 0; }
        .kpi { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; min-width: 130px; flex: 1 1 130px; background: #fff; }
        .kpi.wide { flex: 2 1 240px; }
        .kpi dt { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .kpi dd { margin: 2px 0 0; font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        .kpi dd small { font-size: 12px; font-weight: 400; color: var(--muted); }
        .kpi.status dd { font-size: 14px; font-weight: 600; }
        .kpi.bad dd { color: var(--late); }
        table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 4px 0 10px; table-layout: auto; }
        th, td { padding: 4px 7px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { font-size: 11px; color: var(--muted); font-weight: 600; border-bottom: 1.5px solid var(--muted); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.id { color: var(--muted); font-size: 11px; }
        table.compact { width: auto; min-width: 55%; }
        .nb { white-space: nowrap; }
        tr.late-row td { background: var(--late-bg); }
        td.stars { white-space: nowrap; color: #8a5a00; letter-spacing: -.05em; }
        .late { color: var(--late); font-weight: 600; }
        .ok { color: var(--ok); }
        .earlier { color: var(--ok); font-weight: 600; }
        .later { color: var(--late); font-weight: 600; }
        figure { margin: 6px 0 14px; break-inside: avoid; }
        figcaption { font-size: 11.5px; color: var(--muted); margin-top: 4px; }
        svg { display: block; width: 100%; height: auto; }
        svg text { font-family: inherit; fill: var(--ink); }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 11.5px; color: var(--muted); margin: 4px 0 6px; padding: 0; list-style: none; }
        .legend li { display: inline-flex; align-items: center; gap: 5px; }
        .sw { display: inline-block; width: 16px; height: 10px; border-radius: 2px; }
        .sw.idle { background: none; border-top: 2px dashed #7b8794; height: 0; width: 18px; }
        .sw.target { width: 2px; height: 14px; background: var(--late); border-radius: 0; }
        .sw.late { background: var(--late-bg); border: 1px solid #f4b4ae; }
        .sw.dep { background: none; border-top: 1.5px solid #7b8794; height: 0; width: 18px; }
        .sw.band { background: repeating-linear-gradient(45deg, #fde7c7, #fde7c7 2px, #f3b35e 2px, #f3b35e 3px); }
        .sw.planned { height: 4px; background: #9aa5b1; }
        .sw.today { width: 2px; height: 14px; background: #7a3ea1; border-radius: 0; }
        .sw.full { background: #0b4f8a; } .sw.used { background: #9fc3e3; }
        .sw.fast { background: #3c7dbf; } .sw.slow { background: #e08a2e; }
        .toggle { font-size: 12px; color: var(--muted); user-select: none; }
        .deps-toggle:not(:checked) ~ figure .deps { display: none; }
        .gantt .row { fill: #fff; } .gantt .row.odd, .load .row.odd, .tornado .row.odd { fill: #fafbfc; }
        .gantt .late-row { fill: var(--late-bg); }
        .cat-band { fill: #e9eef4; } .cat-name { font-size: 12px; font-weight: 700; fill: var(--accent); }
        .cat-count { font-weight: 400; fill: var(--muted); }
        .year-band { fill: #eef2f6; } .year-band.even { fill: #e3e9f0; }
        .year-label { font-size: 11px; font-weight: 600; fill: var(--muted); }
        .year-line { stroke: #b8c4d0; stroke-width: .8; } .quarter-line { stroke: #e4e9ef; stroke-width: .6; }
        .col-head { font-size: 10px; font-weight: 600; fill: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .name { font-size: 11px; } .sub { font-size: 9px; fill: var(--muted); }
        .bar { stroke: #fff; stroke-width: .6; }
        .planned { opacity: .55; }
        .planned-pub line { stroke: #52606d; stroke-width: 1.2; }
        .idle line { stroke: #7b8794; stroke-width: 1.3; stroke-dasharray: 2.5 2; }
        .idle-count { font-size: 8px; fill: var(--muted); }
        .target line { stroke: var(--late); stroke-width: 1.6; } .target path { fill: var(--late); }
        .late-label { font-size: 11px; font-weight: 700; fill: var(--late); } .ok-label { font-size: 11px; fill: var(--ok); }
        .risk-p { font-size: 9.5px; }
        .band-bg { fill: #fde7c7; } .band-line { stroke: #f3b35e; stroke-width: 1.2; } .risk-band { opacity: .9; }
        .deps path { fill: none; stroke: #7b8794; stroke-width: .9; opacity: .85; } .dep-head { fill: #7b8794; }
        .clipped { fill: var(--muted); }
        .today line { stroke: #7a3ea1; stroke-width: 1.4; } .today-label { font-size: 9px; fill: #7a3ea1; font-weight: 600; }
        .load .used { fill: #9fc3e3; } .load .full { fill: #0b4f8a; } .load .over { fill: var(--late); }
        .load .cap { fill: none; stroke: var(--ink); stroke-width: 1; stroke-dasharray: 3 2; }
        .load .baseline { stroke: #b8c4d0; stroke-width: .6; }
        .load .history { fill: #f0f2f5; }
        .full-label { font-size: 11px; font-weight: 700; fill: #0b4f8a; }
        .tornado .fast { fill: #3c7dbf; } .tornado .slow { fill: #e08a2e; }
        .tornado .expected { stroke: var(--ink); stroke-width: 1.2; } .tornado .planned-line { stroke: var(--muted); stroke-dasharray: 3 2; }
        footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 11px; }
        \(palette.css)
        @media print {
          html { font-size: 11.5px; }
          main { max-width: none; padding: 0; }
          .noprint { display: none !important; }
          section.scenario + section.scenario { break-before: page; }
          h2, h3 { break-after: avoid; }
          tr { break-inside: avoid; }
          figure { break-inside: avoid; }
          .gantt-block { break-before: page; break-inside: avoid; }
          svg.gantt { max-height: 158mm; }
        }
        """
    }
}
