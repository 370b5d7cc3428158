"""The HTML report: one self-contained file (inline CSS and SVG charts, no network).

Built with jinja2 from a base template and partials in one autoescaping Environment. The
data comes from the DuckDB file, opened read-only; numbers are printed the Danish way.
"""
from __future__ import annotations

import html
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

import duckdb
from jinja2 import Environment, PackageLoader, select_autoescape

from models.catalogues import target_groups
from pipeline.version import extractor_version

COUNT_UNITS = {"full_time_persons", "persons", "count", None}
PALETTE = ["#1f5f8b", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d5a97", "#30638e", "#e07a5f"]


# ---------------------------------------------------------------- Danish formatting
def dk_number(value: Any, decimals: Optional[int] = None) -> str:
    """1288 → '1.288', 74.3 → '74,3', None → ''."""
    if value is None:
        return ""
    value = float(value)
    if decimals is None:
        decimals = 0 if value.is_integer() else min(2, len(f"{value}".split(".")[1]))
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


UNIT_LABELS = {"pct": "%", "pct_points": "pct.point", "rank": "nr.", "persons": "personer",
               "full_time_persons": "fuldtidspers.", "count": "antal", "dkk_million": "mio. kr.",
               "weeks": "uger", "hours": "timer"}
DIRECTION_LABELS = {"decrease": "fald", "increase": "stigning", "at_most": "højst", "at_least": "mindst",
                    "maintain": "fastholde", "reach": "nå", "at_level_with": "på niveau med",
                    "below": "under", "above": "over"}


def environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["dk"] = dk_number
    env.filters["unit_label"] = lambda u: UNIT_LABELS.get(u, u or "")
    env.filters["direction_label"] = lambda d: DIRECTION_LABELS.get(d, d or "")
    env.globals["bar_chart"] = bar_chart
    return env


# ---------------------------------------------------------------- data
def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: Optional[list] = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def report_context(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    docs = _rows(con, "SELECT * FROM documents ORDER BY municipality NULLS LAST, plan_year, file_name")
    for d in docs:
        d["label"] = f"{d['municipality'] or d['file_name']} {d['plan_year'] or ''} ({d['format'] or '?'})".replace("  ", " ")
        d["paths"] = [r["source_path"] for r in _rows(con, "SELECT source_path FROM document_paths WHERE doc_id = ?", [d["doc_id"]])]
        d["href"] = _source_href(d["source_path"])
    ok_docs = [d for d in docs if d["status"] != "failed"]
    goals = _rows(con, "SELECT * FROM goal_coverage ORDER BY municipality, plan_year, ord")
    themes = sorted({g["theme"] for g in goals if g["theme"]})
    return {
        "generated": datetime.now().strftime("%d-%m-%Y %H:%M"), "version": extractor_version(),
        "docs": docs, "ok_docs": ok_docs, "problems": [d for d in docs if d["status"] != "ok"],
        "coverage": _coverage(docs), "themes": themes, "theme_matrix": _theme_matrix(ok_docs, goals, themes),
        "targets_by_theme": _targets_by_theme(con, docs), "stats": _stats(con, ok_docs),
        "details": [_document_detail(con, d) for d in ok_docs],
        "counts": {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                   for t in ("documents", "goals", "actions", "targets", "stat_values")},
    }


def _source_href(path: str) -> str:
    p = Path(path)
    return p.resolve().as_uri() if p.exists() else path


def _coverage(docs: list[dict]) -> dict[str, Any]:
    years = sorted({d["plan_year"] for d in docs if d["plan_year"]})
    by_muni: dict[str, dict[Any, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for d in docs:
        by_muni[d["municipality"] or "(ukendt)"][d["plan_year"] or "?"].append(d)
    if any(not d["plan_year"] for d in docs):
        years.append("?")
    return {"years": years, "rows": sorted(by_muni.items())}


def _theme_matrix(docs: list[dict], goals: list[dict], themes: list[str]) -> list[dict]:
    out = []
    for d in docs:
        mine = [g for g in goals if g["doc_id"] == d["doc_id"]]
        cells = {t: [g for g in mine if g["theme"] == t] for t in themes}
        out.append({"doc": d, "cells": cells, "goals": mine})
    return out


def _targets_by_theme(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> list[tuple[str, list[dict]]]:
    rows = _rows(con, "SELECT * FROM targets_by_theme ORDER BY theme NULLS LAST, municipality, plan_year")
    href = {d["doc_id"]: d["href"] for d in docs}
    grouped: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        r["link"] = f"{href.get(r['doc_id'], '')}#page={r['page']}" if r["page"] else href.get(r["doc_id"], "")
        grouped[r["theme"] or "(uden tema)"].append(r)
    return sorted(grouped.items(), key=lambda kv: (kv[0] == "(uden tema)", kv[0]))


def _stats(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> dict[str, Any]:
    """People per target group (the first count column of each plan's tables) and the
    development columns against region and country."""
    rows = _rows(con, "SELECT * FROM stats_by_group WHERE target_group IS NOT NULL ORDER BY doc_id, table_id, row_ord")
    counts: dict[str, dict[str, float]] = defaultdict(dict)     # group → plan label → value
    development: list[dict] = []
    label = {d["doc_id"]: d["label"] for d in docs}
    seen: set[tuple[str, str]] = set()
    for r in rows:
        if r["doc_id"] not in label:
            continue
        key = (r["doc_id"], r["target_group"])
        if r["unit"] in COUNT_UNITS and key not in seen and (r["value"] or 0) >= 1 and float(r["value"]).is_integer():
            seen.add(key)
            counts[r["target_group"]][label[r["doc_id"]]] = r["value"]
        if r["unit"] in ("pct", "pct_points") and _is_development(r["column_label"]):
            development.append(r)
    names = {g.key: g.name_da for g in target_groups()}
    named = {names.get(g, g): v for g, v in counts.items()}
    groups = sorted(named, key=lambda g: -max(named[g].values()))
    series = sorted({p for g in groups for p in named[g]})
    return {"groups": groups, "series": series, "counts": named, "development": development,
            "table_count": con.execute("SELECT count(*) FROM stat_tables").fetchone()[0]}


def _is_development(label: str) -> bool:
    low = (label or "").casefold()
    return any(w in low for w in ("udvikling", "ændring", "forskel"))


def _document_detail(con: duckdb.DuckDBPyConnection, d: dict) -> dict[str, Any]:
    doc_id = d["doc_id"]
    goals = _rows(con, "SELECT * FROM goals WHERE doc_id = ? ORDER BY ord", [doc_id])
    actions = _rows(con, "SELECT * FROM actions WHERE doc_id = ? ORDER BY ord", [doc_id])
    targets = _rows(con, "SELECT * FROM targets WHERE doc_id = ? ORDER BY ord", [doc_id])
    for t in targets:
        t["link"] = f"{d['href']}#page={t['page']}" if t["page"] else d["href"]
    for g in goals:
        g["actions"] = [a for a in actions if a["goal_id"] == g["goal_id"]]
        g["targets"] = [t for t in targets if t["goal_id"] == g["goal_id"]]
    return {"doc": d, "goals": goals,
            "toc": _rows(con, "SELECT * FROM toc_entries WHERE doc_id = ? ORDER BY ord", [doc_id]),
            "loose_actions": [a for a in actions if not a["goal_id"]],
            "loose_targets": [t for t in targets if not t["goal_id"]],
            "warnings": _rows(con, "SELECT stage, message FROM extraction_warnings WHERE doc_id = ?", [doc_id]),
            "tables": _rows(con, "SELECT caption, page, n_rows, n_cols FROM stat_tables WHERE doc_id = ? ORDER BY table_id", [doc_id])}


# ---------------------------------------------------------------- charts (inline SVG)
def bar_chart(categories: list[str], series: list[str], values: dict[str, dict[str, float]],
              title: str, width: int = 860) -> str:
    """A grouped horizontal bar chart as an inline <svg> (escaped text, no scripts)."""
    if not categories or not series:
        return ""
    bar_h, gap, left, right = 12, 10, 230, 70
    group_h = bar_h * len(series) + gap
    legend_h = 18 * ((len(series) + 2) // 3)
    height = 40 + len(categories) * group_h + legend_h
    peak = max((v for c in categories for v in values[c].values()), default=1) or 1
    scale = (width - left - right) / peak
    parts = [f'<svg class="chart" role="img" aria-label="{html.escape(title)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<text x="0" y="16" class="chart-title">{html.escape(title)}</text>']
    y = 30
    for cat in categories:
        parts.append(f'<text x="{left - 8}" y="{y + group_h / 2}" text-anchor="end" class="chart-label">{html.escape(cat)}</text>')
        for k, s in enumerate(series):
            value = values[cat].get(s)
            if value is None:
                continue
            w = max(1.0, value * scale)
            parts.append(f'<rect x="{left}" y="{y + k * bar_h}" width="{w:.1f}" height="{bar_h - 2}" '
                         f'fill="{PALETTE[k % len(PALETTE)]}"><title>{html.escape(s)}: {dk_number(value)}</title></rect>')
            parts.append(f'<text x="{left + w + 4:.1f}" y="{y + k * bar_h + bar_h - 3}" class="chart-value">{dk_number(value)}</text>')
        y += group_h
    for k, s in enumerate(series):
        lx, ly = (k % 3) * 280, y + 14 + (k // 3) * 18
        parts.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{PALETTE[k % len(PALETTE)]}"/>'
                     f'<text x="{lx + 18}" y="{ly}" class="chart-label">{html.escape(s)}</text>')
    parts.append("</svg>")
    from markupsafe import Markup
    return Markup("".join(parts))


# ---------------------------------------------------------------- entry point
def build_report(db_path: Path | str, out_path: Path | str) -> Path:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        context = report_context(con)
    finally:
        con.close()
    text = environment().get_template("report.html").render(**context)
    out = Path(out_path)
    out.write_text(text, encoding="utf-8")
    return out
