"""Score the database against golden/ (answers written by reading each document).

Gold and output get the same normalisation (case-folded, punctuation and markup removed,
whitespace collapsed); texts are then matched one-to-one, best pairs first, with a fuzzy
ratio threshold (GROBID's "soft" matching); numbers are compared strictly.

Fields:
- meta.<field>: one value per document; a NULL output is a miss, a wrong value is both a
  false positive and a miss. `title` is right when one contains the other.
- toc: entries match on title and printed page; level/number accuracy on matched ones.
- goals: match on text; `goals.mapping` is the share of matched goals with the right kind
  and minister-goal key.
- actions: match on text; `actions.goal_link` is the share whose goal is the golden one.
- targets: match on text; value/unit/direction accuracy on matched targets.
- stats: one per numeric cell: value as printed, row label (fuzzy), column label (lenient).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import duckdb
import yaml
from rapidfuzz import fuzz

TEXT_THRESHOLD = 85.0
TITLE_THRESHOLD = 90.0
LABEL_THRESHOLD = 85.0
COLUMN_THRESHOLD = 60.0
META_FIELDS = ("municipality", "municipality_code", "also_covers", "plan_year", "title", "is_draft")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0        # for accuracies: correct among `checked`
    checked: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.right / self.checked if self.checked else 1.0

    def __iadd__(self, other: "Score") -> "Score":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.right += other.right
        self.checked += other.checked
        return self


@dataclass
class EvalReport:
    fields: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    per_doc: dict[str, dict[str, Score]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Score)))
    missing_docs: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)

    def add(self, doc: str, name: str, score: Score) -> None:
        self.fields[name] += score
        self.per_doc[doc][name] += score

    def subset(self, predicate: Callable[[str], bool]) -> dict[str, Score]:
        out: dict[str, Score] = defaultdict(Score)
        for doc, scores in self.per_doc.items():
            if predicate(doc):
                for name, score in scores.items():
                    out[name] += score
        return out

    def as_dict(self) -> dict[str, Any]:
        def row(s: Score) -> dict[str, float]:
            return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4), "f1": round(s.f1, 4), "accuracy": round(s.accuracy, 4),
                    "checked": s.checked}
        return {"fields": {k: row(v) for k, v in sorted(self.fields.items())},
                "per_doc": {d: {k: row(v) for k, v in sorted(s.items())} for d, s in sorted(self.per_doc.items())},
                "missing_docs": self.missing_docs}


# ---------------------------------------------------------------- normalisation and matching
def norm_text(text: Any) -> str:
    text = re.sub(r"<[^>]+>", " ", str(text or ""))
    text = text.casefold().replace("−", "-")
    text = re.sub(r"[^\w%+-]+", " ", text)
    return " ".join(text.split())


def match_pairs(gold: list[Any], pred: list[Any], score: Callable[[Any, Any], float],
                threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one matching, best scores first: (gold index, pred index, score)."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s >= threshold:
                pairs.append((s, -abs(i - j), i, j))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for s, _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j, s))
    return out


def text_score(a: str, b: str) -> float:
    na, nb = norm_text(a), norm_text(b)
    if not na or not nb:
        return 0.0
    return fuzz.ratio(na, nb)


def _f1(matched: int, n_gold: int, n_pred: int) -> Score:
    return Score(tp=matched, fp=n_pred - matched, fn=n_gold - matched)


# ---------------------------------------------------------------- loading
def load_golden(golden_dir: Path) -> dict[str, dict[str, Any]]:
    """file_name → {meta, toc, goals, actions, targets, stats}."""
    out = {}
    for folder in sorted(p for p in golden_dir.iterdir() if p.is_dir()):
        meta_file = folder / "meta.yaml"
        if not meta_file.exists():
            continue
        data = {"meta": yaml.safe_load(meta_file.read_text(encoding="utf-8"))}
        for name in ("toc", "goals", "actions", "targets", "stats"):
            f = folder / f"{name}.yaml"
            data[name] = (yaml.safe_load(f.read_text(encoding="utf-8")) or []) if f.exists() else None
        out[data["meta"]["file_name"]] = data
    return out


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _doc_id_for(con: duckdb.DuckDBPyConnection, file_name: str) -> Optional[str]:
    row = con.execute("SELECT doc_id FROM documents WHERE file_name = ? UNION "
                      "SELECT doc_id FROM document_paths WHERE file_name = ? LIMIT 1",
                      [file_name, file_name]).fetchone()
    return row[0] if row else None


# ---------------------------------------------------------------- the scorers
def evaluate(golden_dir: Path | str, db_path: Path | str) -> EvalReport:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return evaluate_connection(Path(golden_dir), con)
    finally:
        con.close()


def evaluate_connection(golden_dir: Path, con: duckdb.DuckDBPyConnection) -> EvalReport:
    report = EvalReport()
    for file_name, gold in load_golden(golden_dir).items():
        doc_id = _doc_id_for(con, file_name)
        if doc_id is None:
            report.missing_docs.append(file_name)
            continue
        _score_meta(report, file_name, gold["meta"], _rows(con, "SELECT * FROM documents WHERE doc_id = ?", [doc_id])[0])
        if gold["toc"] is not None:
            _score_toc(report, file_name, gold["toc"], _rows(con, "SELECT * FROM toc_entries WHERE doc_id = ? ORDER BY ord", [doc_id]))
        goal_map = {}
        if gold["goals"] is not None:
            goal_map = _score_goals(report, file_name, gold["goals"], _rows(con, "SELECT * FROM goals WHERE doc_id = ? ORDER BY ord", [doc_id]))
        if gold["actions"] is not None:
            _score_linked(report, file_name, "actions", gold["actions"], _rows(con, "SELECT * FROM actions WHERE doc_id = ? ORDER BY ord", [doc_id]), goal_map)
        if gold["targets"] is not None:
            preds = _rows(con, "SELECT * FROM targets WHERE doc_id = ? ORDER BY ord", [doc_id])
            pairs = _score_linked(report, file_name, "targets", gold["targets"], preds, goal_map)
            _score_target_values(report, file_name, gold["targets"], preds, pairs)
        if gold["stats"] is not None:
            _score_stats(report, file_name, gold["stats"], _rows(
                con, "SELECT v.*, t.caption, t.page AS table_page FROM stat_values v JOIN stat_tables t USING (doc_id, table_id) "
                     "WHERE v.doc_id = ? ORDER BY v.table_id, v.row_ord, v.col_ord", [doc_id]))
    return report


def _score_meta(report: EvalReport, doc: str, gold: dict, pred: dict) -> None:
    for name in META_FIELDS:
        g, p = gold.get(name), pred.get(name)
        if name == "also_covers":
            g, p = sorted(g or []), sorted(p or [])
        if name == "title":
            ok = bool(p) and bool(g) and (norm_text(g) in norm_text(p) or norm_text(p) in norm_text(g))
        else:
            ok = g == p
        if p is None or p == [] and g:
            score = Score(fn=1)
        elif ok:
            score = Score(tp=1)
        else:
            score = Score(fp=1, fn=1)
            report.mismatches.append(f"{doc}: meta.{name} gold={g!r} got={p!r}")
        report.add(doc, f"meta.{name}", score)


def _score_toc(report: EvalReport, doc: str, gold: list[dict], pred: list[dict]) -> None:
    def score(g, p):
        if g.get("page") != p.get("page"):
            return 0.0
        return text_score(g["title"], p["title"])
    pairs = match_pairs(gold, pred, score, TITLE_THRESHOLD)
    report.add(doc, "toc", _f1(len(pairs), len(gold), len(pred)))
    level = Score(checked=len(pairs), right=sum(1 for i, j, _ in pairs if gold[i]["level"] == pred[j]["level"]
                                                 and str(gold[i].get("number") or "") == (pred[j]["number"] or "")))
    report.add(doc, "toc.level_number", level)
    _note_unmatched(report, doc, "toc", gold, pred, pairs, "title")


def _score_goals(report: EvalReport, doc: str, gold: list[dict], pred: list[dict]) -> dict[str, str]:
    pairs = match_pairs(gold, pred, lambda g, p: text_score(g["text"], p["text"]), TEXT_THRESHOLD)
    report.add(doc, "goals", _f1(len(pairs), len(gold), len(pred)))
    right = sum(1 for i, j, _ in pairs if gold[i].get("minister_goal_key") == pred[j]["minister_goal_key"]
                and gold[i].get("kind") == pred[j]["kind"])
    report.add(doc, "goals.mapping", Score(checked=len(pairs), right=right))
    theme = sum(1 for i, j, _ in pairs if gold[i].get("theme") == pred[j]["theme"])
    report.add(doc, "goals.theme", Score(checked=len(pairs), right=theme))
    _score_pages(report, doc, "goals", gold, pred, pairs)
    for i, j, _ in pairs:
        if gold[i].get("minister_goal_key") != pred[j]["minister_goal_key"] or gold[i].get("kind") != pred[j]["kind"]:
            report.mismatches.append(f"{doc}: goal {gold[i]['text'][:50]!r} gold={gold[i].get('kind')}/{gold[i].get('minister_goal_key')} "
                                     f"got={pred[j]['kind']}/{pred[j]['minister_goal_key']}")
    _note_unmatched(report, doc, "goals", gold, pred, pairs, "text")
    return {pred[j]["goal_id"]: gold[i]["id"] for i, j, _ in pairs}


def _score_linked(report: EvalReport, doc: str, name: str, gold: list[dict], pred: list[dict],
                  goal_map: dict[str, str]) -> list[tuple[int, int, float]]:
    pairs = match_pairs(gold, pred, lambda g, p: text_score(g["text"], p["text"]), TEXT_THRESHOLD)
    report.add(doc, name, _f1(len(pairs), len(gold), len(pred)))
    link = Score(checked=len(pairs))
    for i, j, _ in pairs:
        predicted_goal = goal_map.get(pred[j]["goal_id"]) if pred[j]["goal_id"] else None
        if predicted_goal == gold[i].get("goal"):
            link.right += 1
        else:
            report.mismatches.append(f"{doc}: {name} {gold[i]['text'][:50]!r} goal gold={gold[i].get('goal')} got={predicted_goal}")
    report.add(doc, f"{name}.goal_link", link)
    _score_pages(report, doc, name, gold, pred, pairs)
    _note_unmatched(report, doc, name, gold, pred, pairs, "text")
    return pairs


def _score_pages(report: EvalReport, doc: str, name: str, gold: list[dict], pred: list[dict], pairs) -> None:
    """Page accuracy of matched records (provenance)."""
    score = Score(checked=len(pairs))
    for i, j, _ in pairs:
        if gold[i].get("page") == pred[j].get("page"):
            score.right += 1
        else:
            report.mismatches.append(f"{doc}: {name} {str(gold[i].get('text'))[:50]!r} page gold={gold[i].get('page')} got={pred[j].get('page')}")
    report.add(doc, f"{name}.page", score)


def _score_target_values(report: EvalReport, doc: str, gold: list[dict], pred: list[dict], pairs) -> None:
    for fld, same in (("target_value", _same_number), ("unit", _same_value), ("direction", _same_value),
                      ("period", _same_value)):
        score = Score(checked=len(pairs))
        for i, j, _ in pairs:
            if same(gold[i].get(fld), pred[j].get(fld)):
                score.right += 1
            else:
                report.mismatches.append(f"{doc}: target {gold[i]['text'][:50]!r} {fld} gold={gold[i].get(fld)!r} got={pred[j].get(fld)!r}")
        report.add(doc, f"targets.{fld}", score)


def _same_number(g, p) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return math.isclose(float(g), float(p), rel_tol=1e-9, abs_tol=1e-9)


def _same_value(g, p) -> bool:
    return (g or None) == (p or None)


def _score_stats(report: EvalReport, doc: str, tables: list[dict], pred: list[dict]) -> None:
    gold = [dict(cell, caption=t.get("caption"), table_page=t.get("page")) for t in tables for cell in t.get("cells", [])]
    by_value: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(pred):
        by_value[_norm_value(p["value_text"])].append(j)
    used: set[int] = set()
    matched = 0
    pages = Score()
    for g in gold:
        candidates = [j for j in by_value.get(_norm_value(g["value_text"]), []) if j not in used]
        best = max(candidates, key=lambda j: _cell_score(g, pred[j]), default=None)
        if best is not None and _cell_score(g, pred[best]) > 0:
            used.add(best)
            matched += 1
            pages.checked += 1
            if "page" in g:       # the cell's own page (a row on the next page of a split table)
                pages.right += g["page"] == pred[best].get("page")
            else:                 # golden gives the table's first page only
                pages.right += g["table_page"] == pred[best].get("table_page")
        else:
            report.mismatches.append(f"{doc}: stat cell missing row={g['row']!r} col={g['col']!r} value={g['value_text']!r}")
    for j, p in enumerate(pred):
        if j not in used:
            report.mismatches.append(f"{doc}: stat cell extra row={p['row_label']!r} col={p['column_label']!r} value={p['value_text']!r}")
    report.add(doc, "stats", _f1(matched, len(gold), len(pred)))
    report.add(doc, "stats.page", pages)


def _cell_score(g: dict, p: dict) -> float:
    row = fuzz.ratio(norm_text(g["row"]), norm_text(p["row_label"]))
    if row < LABEL_THRESHOLD:
        return 0.0
    col = fuzz.token_set_ratio(norm_text(g["col"]), norm_text(p["column_label"]))
    if col < COLUMN_THRESHOLD:
        return 0.0
    return row + col


def _norm_value(text: Any) -> str:
    return re.sub(r"\s+", "", str(text or "")).replace("−", "-").replace("–", "-")


def _note_unmatched(report: EvalReport, doc: str, name: str, gold: list[dict], pred: list[dict],
                    pairs, key: str) -> None:
    gi = {i for i, _, _ in pairs}
    pj = {j for _, j, _ in pairs}
    for i, g in enumerate(gold):
        if i not in gi:
            report.mismatches.append(f"{doc}: {name} missed {str(g.get(key))[:80]!r}")
    for j, p in enumerate(pred):
        if j not in pj:
            report.mismatches.append(f"{doc}: {name} extra {str(p.get(key))[:80]!r}")
