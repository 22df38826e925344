//! A hand-written SVG bar chart of the speedup ratios.
//!
//! One horizontal bar per benchmark and (workbench variant, peer) pair, drawn on a log scale
//! from the 1× line: bars to the right mean the workbench is faster, bars to the left that it is
//! slower. The suite geometric means get their own rows. Writing the SVG by hand keeps the
//! harness free of a plotting dependency; the output is plain SVG 1.1 that browsers and GitHub
//! render directly.

use std::fmt::Write as _;

use crate::harness::SuiteResult;
use crate::report::{fmt_ratio, ratios};

/// A chart row: a benchmark (or a suite's geometric mean) with one value per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    pub values: Vec<Option<f64>>,
    /// A geometric-mean row (drawn with class `bar mean`).
    pub mean: bool,
}

/// Chart data.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    /// Series names, e.g. `standard vs python3`.
    pub series: Vec<String>,
    pub rows: Vec<Row>,
}

/// Build the chart from suite results: the union of the suites' ratio columns as series.
pub fn from_results(suites: &[SuiteResult]) -> Chart {
    let mut series: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    for suite in suites {
        let r = ratios(suite);
        let idx: Vec<usize> = r
            .columns
            .iter()
            .map(|(v, p)| {
                let name = format!("workbench {v} vs {p}");
                match series.iter().position(|s| *s == name) {
                    Some(i) => i,
                    None => {
                        series.push(name);
                        series.len() - 1
                    }
                }
            })
            .collect();
        let mut place = |label: String, vals: Vec<Option<f64>>, mean: bool| {
            let mut values = vec![None; series.len()];
            for (c, v) in vals.into_iter().enumerate() {
                values[idx[c]] = v;
            }
            rows.push(Row { label, values, mean });
        };
        for (name, vals) in r.rows {
            place(format!("{}/{name}", suite.name), vals, false);
        }
        if !r.columns.is_empty() && !suite.benches.is_empty() {
            let g = r.geomean.iter().map(|(g, _)| *g).collect();
            place(format!("{} (geomean)", suite.name), g, true);
        }
    }
    // Rows built before a series was added are shorter; pad them.
    for row in &mut rows {
        row.values.resize(series.len(), None);
    }
    Chart {
        title: "Workbench speedup vs peers (peer median / workbench median; >1 = workbench faster)".into(),
        series,
        rows,
    }
}

const COLORS: &[&str] = &[
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f",
];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Render the chart as a standalone SVG document.
pub fn render(chart: &Chart) -> String {
    const WIDTH: f64 = 860.0;
    const LABEL_W: f64 = 210.0;
    const RIGHT_PAD: f64 = 30.0;
    const BAR_H: f64 = 12.0;
    const BAR_GAP: f64 = 2.0;
    const ROW_PAD: f64 = 10.0;
    const LEGEND_ITEM_W: f64 = 270.0;

    let plot_x0 = LABEL_W;
    let plot_w = WIDTH - LABEL_W - RIGHT_PAD;
    let nseries = chart.series.len().max(1);
    let per_line = ((WIDTH - 20.0) / LEGEND_ITEM_W).floor().max(1.0) as usize;
    let legend_lines = chart.series.len().div_ceil(per_line).max(1);
    let legend_y0 = 52.0;
    let plot_y0 = legend_y0 + legend_lines as f64 * 18.0 + 12.0;
    let row_h = nseries as f64 * (BAR_H + BAR_GAP) + ROW_PAD;
    let plot_h = (chart.rows.len().max(1) as f64) * row_h;
    let height = plot_y0 + plot_h + 40.0;

    // Log-scale domain in whole decades, always containing 1 with a decade either side.
    let vals: Vec<f64> = chart
        .rows
        .iter()
        .flat_map(|r| r.values.iter().flatten().copied())
        .filter(|v| v.is_finite() && *v > 0.0)
        .collect();
    let lo = vals
        .iter()
        .map(|v| v.log10().floor() as i32)
        .min()
        .unwrap_or(-1)
        .min(-1);
    let hi = vals.iter().map(|v| v.log10().ceil() as i32).max().unwrap_or(1).max(1);
    let x = |v: f64| plot_x0 + (v.log10() - lo as f64) / (hi - lo) as f64 * plot_w;
    let x1 = x(1.0);

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="10" y="24" font-size="15" font-weight="bold">{}</text>"#,
        esc(&chart.title)
    );
    let _ = writeln!(
        s,
        r#"<text x="10" y="42" fill="rgb(85,85,85)">log scale; bars right of 1× mean the workbench is faster</text>"#
    );
    for (i, name) in chart.series.iter().enumerate() {
        let lx = 10.0 + (i % per_line) as f64 * LEGEND_ITEM_W;
        let ly = legend_y0 + (i / per_line) as f64 * 18.0;
        let color = COLORS[i % COLORS.len()];
        let _ = writeln!(
            s,
            r#"<rect class="legend" x="{lx}" y="{ly}" width="12" height="12" fill="{color}"/><text x="{}" y="{}">{}</text>"#,
            lx + 16.0,
            ly + 10.0,
            esc(name)
        );
    }

    // Grid: one line per decade, labelled at the bottom.
    for e in lo..=hi {
        let gx = x(10f64.powi(e));
        let (stroke, width) = if e == 0 { ("#333", 1.5) } else { ("#ddd", 1.0) };
        let _ = writeln!(
            s,
            r#"<line x1="{gx:.1}" y1="{plot_y0}" x2="{gx:.1}" y2="{:.1}" stroke="{stroke}" stroke-width="{width}"/>"#,
            plot_y0 + plot_h
        );
        let _ = writeln!(
            s,
            r#"<text x="{gx:.1}" y="{:.1}" text-anchor="middle" fill="rgb(85,85,85)">{}×</text>"#,
            plot_y0 + plot_h + 16.0,
            10f64.powi(e)
        );
    }

    if chart.rows.is_empty() {
        let _ = writeln!(
            s,
            r#"<text x="{x1:.1}" y="{:.1}" text-anchor="middle" fill="rgb(85,85,85)">no ratios available (workbench or peers missing)</text>"#,
            plot_y0 + row_h / 2.0
        );
    }
    for (ri, row) in chart.rows.iter().enumerate() {
        let ry = plot_y0 + ri as f64 * row_h + ROW_PAD / 2.0;
        let weight = if row.mean { "bold" } else { "normal" };
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" font-weight="{weight}">{}</text>"#,
            plot_x0 - 8.0,
            ry + (row_h - ROW_PAD) / 2.0 + 4.0,
            esc(&row.label)
        );
        if row.values.iter().all(Option::is_none) {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" fill="rgb(153,153,153)" font-size="10">n/a</text>"#,
                x1 + 4.0,
                ry + (row_h - ROW_PAD) / 2.0 + 4.0
            );
            continue;
        }
        for (si, v) in row.values.iter().enumerate() {
            let by = ry + si as f64 * (BAR_H + BAR_GAP);
            let Some(v) = v.filter(|v| v.is_finite() && *v > 0.0) else {
                let _ = writeln!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" fill="rgb(153,153,153)" font-size="10">n/a</text>"#,
                    x1 + 4.0,
                    by + BAR_H - 2.0
                );
                continue;
            };
            let xv = x(v);
            let (bx, bw) = (x1.min(xv), (xv - x1).abs().max(1.0));
            let color = COLORS[si % COLORS.len()];
            let class = if row.mean { "bar mean" } else { "bar" };
            let name = chart.series.get(si).map(String::as_str).unwrap_or("");
            let _ = writeln!(
                s,
                r#"<rect class="{class}" x="{bx:.1}" y="{by:.1}" width="{bw:.1}" height="{BAR_H}" fill="{color}"><title>{}: {} {}</title></rect>"#,
                esc(&row.label),
                esc(name),
                fmt_ratio(v)
            );
            // The value label sits on the other side of the 1× line, where there is room.
            let (tx, anchor) = if v >= 1.0 {
                (x1 - 4.0, "end")
            } else {
                (x1 + 4.0, "start")
            };
            let _ = writeln!(
                s,
                r#"<text x="{tx:.1}" y="{:.1}" text-anchor="{anchor}" font-size="10">{}</text>"#,
                by + BAR_H - 2.0,
                fmt_ratio(v)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(values: &[Option<f64>]) -> Chart {
        Chart {
            title: "t <&>".into(),
            series: vec!["workbench standard vs python3".into()],
            rows: values
                .iter()
                .enumerate()
                .map(|(i, v)| Row {
                    label: format!("calc/b{i}"),
                    values: vec![*v],
                    mean: false,
                })
                .collect(),
        }
    }

    /// Minimal XML well-formedness: every tag is closed, in order, and the root is `svg`.
    fn assert_well_formed(svg: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = svg;
        let mut seen_root = false;
        while let Some(open) = rest.find('<') {
            let close = rest[open..].find('>').expect("unclosed tag") + open;
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "nested `<` in tag: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name.trim()), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                let name = tag.split_whitespace().next().unwrap();
                if stack.is_empty() {
                    assert!(!seen_root && name == "svg", "root must be a single <svg>");
                    seen_root = true;
                }
                stack.push(name);
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
        assert!(seen_root);
    }

    #[test]
    fn one_bar_per_benchmark_with_a_value() {
        let svg = render(&chart(&[Some(2.0), Some(0.5), Some(30.0), None]));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("class=\"bar\"").count(), 3);
        assert_well_formed(&svg);
        assert!(svg.contains("n/a"));
        assert!(svg.contains("t &lt;&amp;&gt;"));
        assert!(svg.contains("30.0×"));
        // Domain: 0.1× .. 100× (decades around the values, always around 1).
        assert!(svg.contains(">0.1×<") && svg.contains(">100×<"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn bars_grow_from_the_one_line_in_the_right_direction() {
        let svg = render(&chart(&[Some(10.0), Some(0.1)]));
        // Domain is exactly 0.1..10, so 1× is mid-plot and both bars have the same width.
        let widths: Vec<f64> = svg
            .match_indices("class=\"bar\"")
            .map(|(i, _)| {
                let rest = &svg[i..];
                let w = rest.split("width=\"").nth(1).unwrap();
                w[..w.find('"').unwrap()].parse().unwrap()
            })
            .collect();
        assert_eq!(widths.len(), 2);
        assert!((widths[0] - widths[1]).abs() < 0.2, "{widths:?}");
        assert!((widths[0] - 310.0).abs() < 0.2, "{widths:?}");
    }

    #[test]
    fn empty_chart_is_still_valid() {
        let svg = render(&chart(&[]));
        assert!(svg.contains("no ratios available"));
        assert_well_formed(&svg);
        assert_eq!(svg.matches("class=\"bar\"").count(), 0);
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn from_results_makes_rows_and_geomean() {
        use crate::harness::{BenchResult, SideKind, SideResult, Status};
        let side = |kind, t: f64| SideResult {
            kind,
            status: Status::Ok,
            times: vec![t],
            rss_kib: vec![1],
        };
        let wb = || SideKind::Workbench {
            variant: "standard".into(),
        };
        let py = || SideKind::Peer { name: "python3".into() };
        let suite = SuiteResult {
            name: "calc".into(),
            title: "t".into(),
            variants: vec!["standard".into()],
            peers: vec!["python3".into()],
            benches: vec![
                BenchResult {
                    name: "a".into(),
                    pending: None,
                    sides: vec![side(wb(), 1.0), side(py(), 2.0)],
                },
                BenchResult {
                    name: "b".into(),
                    pending: None,
                    sides: vec![side(wb(), 4.0), side(py(), 2.0)],
                },
            ],
        };
        let c = from_results(&[suite]);
        assert_eq!(c.series, vec!["workbench standard vs python3"]);
        assert_eq!(c.rows.len(), 3);
        assert_eq!(c.rows[0].values, vec![Some(2.0)]);
        assert_eq!(c.rows[1].values, vec![Some(0.5)]);
        assert!(c.rows[2].mean);
        assert!((c.rows[2].values[0].unwrap() - 1.0).abs() < 1e-12);
        let svg = render(&c);
        assert_eq!(svg.matches("class=\"bar\"").count(), 2);
        assert_eq!(svg.matches("class=\"bar mean\"").count(), 1);
    }
}
