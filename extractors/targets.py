"""Result targets: every stated goal level, result requirement or success criterion.

Three places, one record per place a target is stated:
- target tables, known by a header cell such as "Mål", "Mål 2019", "Resultatkrav",
  "Målsætning": one target per requirement (a cell with several paragraphs or numbered
  items gives several); a row with an empty goal cell keeps the goal of the row above;
  "Status …", "Datakilde" and "Opfølgning" columns fill baseline_text, data_source, follow_up;
- prose after a cue ("Målsætning:", "Resultatkrav Tårnby:", "Resultatmål …:", "Overordnede
  mål:", "Mål for 2020:") to the end of its paragraph — or, when the cue stands alone, each
  following requirement paragraph or list item (origin `list`);
- in a status section ("Status resultatmål for 2019") last year's targets are restated:
  period `prior`.
Each text is parsed by `describe_target` (value, unit, direction, comparator, year, group).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz

from extractors.actions import CUE_RE as ACTION_CUE_RE
from extractors.danish import find_quantities
from extractors.goal_catalogue import RELATED_THEMES, norm, theme_for
from extractors.lists import split_inline_numbered, split_marker
from extractors.outline import section_at
from extractors.tables import NormTable
from extractors.target_rules import describe_target, direction_of
from extractors.wording import GOAL_LABELS
from models.catalogues import match_target_group
from models.document import Line, ParsedDocument
from models.records import Goal, Section, Target

EXTRACTOR = "targets"
VERSION = "1"
STRONG_CUE_RE = re.compile(
    r"^(?P<cue>(?:(?:fælles\s+|politiske?\s+|overordnede?\s+|samlede?\s+)?"
    r"(?:resultatkrav|resultatmål|effektmål|succeskriteri(?:um|er|erne|e)|målsætning(?:en)?)|"
    r"overordnede?\s+mål|specifikke\s+mål|måltal|mål\s+for\s+(?:\d{4}|året|indsatsen)|"
    r"mål(?!\s+(?:nr\.?\s*)?(?:\d{1,2}(?!\.\d)|(?-i:[A-Z]))\s*[:.\-–]))(?:\s+[^:]{0,60})?:)\s*(?P<rest>.*)$", re.I)
GOAL_STATEMENT_CUE_RE = re.compile(   # "Målene er videreført fra 2019:" leads goals, not targets
    r"^mål(?:ene)?\s+(?:\S+\s+){0,3}?(?:er|blev|bliver|har|videreføres|udmeldes)\b", re.I)
LABEL_LINE_RE = re.compile(r"^(status|resultat|kilde|datakilde|opfølgning|udgangspunkt|baseline|note|bemærkning|"
                           r"målopfyldelse|vurdering)\b[^:]{0,30}:", re.I)
WEAK_CUE_RE = re.compile(r"^(?P<cue>(?:det\s+overordnede\s+)?mål(?:et|sætningen)?(?:\s+med\s+[^,.]{1,60})?\s+er,?)\s*(?P<rest>at\b.*)$", re.I)
STATUS_RE = re.compile(r"\b(status|opfølgning|resultat(?:er|mål)?|evaluering)\b.*\b(19|20)\d\d\b|\bstatus\b", re.I)
REQUIREMENT_RE = re.compile(r"\bskal\b|\bmindst\b|\bminimum\b|\bmaksimalt\b|\bhøjst\b|nedbring|\bøge|reducer|"
                            r"\bfald\b|stigning|på niveau|fasthold", re.I)
TARGET_HEADER_RE = re.compile(r"^(mål|mål\s+(for\s+)?\d{4}|målsætning(er)?|resultatkrav|resultatmål|succeskriteri\w*|"
                              r"effektmål|forventet\s+resultat|måltal)\b", re.I)
GOAL_HEADER_RE = re.compile(r"beskæftigelsesmål|ministermål|indsatsområde|hvad følges der op|\bmål\b|fokusområde|^$", re.I)
BASELINE_HEADER_RE = re.compile(r"^(status|udgangspunkt|baseline|niveau|resultat)\b", re.I)
SOURCE_HEADER_RE = re.compile(r"datakilde|^kilde", re.I)
FOLLOW_HEADER_RE = re.compile(r"opfølgning|hvornår følges|følges op", re.I)
MAX_TARGET_CHARS = 600
MAX_LABEL_CHARS = 60


@dataclass
class _Found:
    text: str
    origin: str
    line_start: int
    line_end: int
    page: Optional[int]
    cue_year: Optional[int] = None
    goal_text: Optional[str] = None
    indicator: Optional[str] = None          # what a table's level cell measures ("Samarbejdsgrad")
    baseline: Optional[str] = None
    data_source: Optional[str] = None
    follow_up: Optional[str] = None
    section: Optional[Section] = None


def extract_targets(doc: ParsedDocument, sections: list[Section], goals: list[Goal],
                    tables: list[NormTable], plan_year: Optional[int]) -> list[Target]:
    found = prose_targets(doc, sections) + table_targets(tables, sections)
    found.sort(key=lambda f: (f.line_start, f.origin == "table"))
    goal_for = _GoalLinker(sections, goals, doc.content_lines())
    out = []
    for k, f in enumerate(found):
        prior = _in_status_section(f.section, sections, plan_year) or _for_earlier_year(f, plan_year)
        out.append(_record(doc, k, f, goal_for(f), prior, plan_year))
    _link_restatements(out)
    return out


# ---------------------------------------------------------------- prose
def prose_targets(doc: ParsedDocument, sections: list[Section]) -> list[_Found]:
    content = doc.content_lines()
    headings = {s.heading_line for s in sections}
    status_lines = _status_line_ranges(sections)
    out: list[_Found] = []
    i = 0
    while i < len(content):
        ln = content[i]
        cue, rest = _cue(ln)
        if cue and re.match(r"mål\b", cue, re.I) and not _starts_statement(content, i):
            cue, rest = None, ""          # a bare "mål …:" mid-sentence ("… Alle tre / mål er …:")
        if cue is None and _in_ranges(ln.line_no, status_lines) and not ln.line_no in headings:
            got, i = _status_item(content, i, headings)
            out += [_with_section(f, sections) for f in got]
            continue
        if cue is None:
            i += 1
            continue
        para = _paragraph(content, i, headings)
        if rest:
            text = " ".join([rest] + [x.text.strip() for x in para[1:]])
            out.append(_found(text, "prose", para, sections, cue))
            i += len(para)
        else:
            items, i = _items_after(content, i + 1, headings)
            out += [_found(t, "list", lines, sections, cue) for t, lines in items]
    return out


def _starts_statement(content: list[Line], i: int) -> bool:
    """A cue opens a paragraph or a sentence, or follows a short label line ("Værdig
    sagsbehandling"): not the second line of a wrapped sentence ("… Alle tre" / "mål er …:")."""
    if i == 0 or content[i].para_start:
        return True
    previous = content[i - 1].text.rstrip()
    return previous.endswith((".", "!", "?", ":")) or len(previous) <= MAX_LABEL_CHARS


def _cue(line: Line) -> tuple[Optional[str], str]:
    text = line.text.strip()
    marker, body = split_marker(text)
    m = STRONG_CUE_RE.match(body) or WEAK_CUE_RE.match(body)
    if not m or GOAL_STATEMENT_CUE_RE.match(m.group("cue")):
        return None, ""
    rest = m.group("rest").strip()
    if m.re is WEAK_CUE_RE and not _measurable(rest):
        return None, ""
    return m.group("cue"), rest


def _measurable(text: str) -> bool:
    """A weak cue ("Målet er, at …") leads a target only when the text states a level or a change."""
    return bool(find_quantities(text)) or direction_of(text) in (
        "decrease", "increase", "at_most", "at_least", "at_level_with")


def _paragraph(content: list[Line], i: int, headings: set[int]) -> list[Line]:
    """The lines of the paragraph starting at content[i]; a labelled line ("Status: …") or
    another cue ends it even without a paragraph gap."""
    lines = [content[i]]
    for ln in content[i + 1:]:
        if ln.para_start or ln.line_no in headings or split_marker(ln.text)[0] is not None \
                or LABEL_LINE_RE.match(ln.text) or STRONG_CUE_RE.match(ln.text):
            break
        lines.append(ln)
    return lines


def _items_after(content: list[Line], i: int, headings: set[int]) -> tuple[list[tuple[str, list[Line]]], int]:
    """Requirement paragraphs or list items after a cue that stands alone. Lead lines that
    end with ':' ("Ressourceforløbsmodtagere:") and notes in parentheses are skipped."""
    items: list[tuple[str, list[Line]]] = []
    marked: Optional[bool] = None
    while i < len(content):
        ln = content[i]
        if ln.line_no in headings and not items and len(ln.text) < 80:
            i += 1       # a sub-heading naming the project the requirements below belong to
            continue
        if ln.line_no in headings or _cue(ln)[0] is not None or ACTION_CUE_RE.match(ln.text.strip()):
            break           # "Sådan gør vi:" leads actions
        para = _paragraph(content, i, headings)
        marker, body = split_marker(ln.text)
        text = " ".join([body] + [x.text.strip() for x in para[1:]])
        is_marked = marker is not None
        marked = is_marked if marked is None else marked
        if text.rstrip().endswith(":") or (text.startswith("(") and text.rstrip().endswith(")")):
            i += len(para)
            continue
        if is_marked != marked or not _requirement_like(text):
            break           # a list after the requirement paragraph (or text after the list) is something else
        items.append((text, para))
        i += len(para)
    return items, i


def _requirement_like(text: str) -> bool:
    return len(text) <= MAX_TARGET_CHARS and (bool(REQUIREMENT_RE.search(text)) or bool(find_quantities(text)))


def _status_item(content: list[Line], i: int, headings: set[int]) -> tuple[list[_Found], int]:
    """In a status section, a list item stating a requirement restates last year's target."""
    ln = content[i]
    marker, body = split_marker(ln.text)
    if marker is None:
        return [], i + 1
    para = _paragraph(content, i, headings)
    text = " ".join([body] + [x.text.strip() for x in para[1:]])
    if text.rstrip().endswith(":") or not _requirement_like(text):
        return [], i + len(para)
    return [_Found(text=_clean(text), origin="list", line_start=para[0].line_no,
                   line_end=para[-1].line_no, page=para[0].page)], i + len(para)


def _found(text: str, origin: str, lines: list[Line], sections: list[Section], cue: str) -> _Found:
    year = re.search(r"\b((?:19|20)\d\d)\b", cue)
    f = _Found(text=_clean(text), origin=origin, line_start=lines[0].line_no, line_end=lines[-1].line_no,
               page=lines[0].page, cue_year=int(year.group(1)) if year else None)
    return _with_section(f, sections)


def _with_section(f: _Found, sections: list[Section]) -> _Found:
    f.section = section_at(sections, f.line_start)
    return f


def _clean(text: str) -> str:
    text = re.sub(r"^[-–•▪*\s]+", "", text)
    return " ".join(text.split())


# ---------------------------------------------------------------- tables
def table_targets(tables: list[NormTable], sections: list[Section]) -> list[_Found]:
    out: list[_Found] = []
    for table in tables:
        roles = target_table_roles(table)
        if roles is None:
            continue
        out += _table_rows(table, roles, sections)
    return out


def target_table_roles(table: NormTable) -> Optional[dict[str, int]]:
    """Column roles of a target table (requirement, goal, baseline, source, follow-up), or None."""
    labels = [c.strip() for c in table.columns]
    ranked = sorted((_requirement_rank(c.split(" / ")[-1]), i) for i, c in enumerate(labels)
                    if TARGET_HEADER_RE.match(c.split(" / ")[-1]))
    if not ranked:
        return None
    req = _level_column(table, [i for _, i in ranked])
    roles = {"requirement": req}
    if req != ranked[0][1]:
        roles["indicator"] = ranked[0][1]
    for i, c in enumerate(labels):
        if i == req:
            continue
        if "goal" not in roles and i < req and GOAL_HEADER_RE.search(c):
            roles["goal"] = i
        elif BASELINE_HEADER_RE.match(c):
            roles["baseline"] = i
        elif SOURCE_HEADER_RE.search(c):
            roles["source"] = i
        elif FOLLOW_HEADER_RE.search(c):
            roles["follow_up"] = i
    roles.setdefault("goal", 0 if req != 0 and GOAL_HEADER_RE.search(labels[0]) else -1)
    return roles


def _level_column(table: NormTable, candidates: list[int]) -> int:
    """Of the target columns (most specific first), the one that states levels: a column of
    indicators ("Succeskriterium": "Samarbejdsgrad") beside one of numbers ("Måltal 2017":
    "Mindst 38 %") gives the numbers' column the requirement."""
    def share(i: int) -> float:
        texts = [r.cells[i].text for r in table.rows if i < len(r.cells) and r.cells[i].text.strip()]
        return sum(bool(find_quantities(t)) for t in texts) / len(texts) if texts else 0.0
    first = candidates[0]
    if share(first) >= 0.5:
        return first
    return next((i for i in candidates[1:] if share(i) >= 0.5), first)


def _requirement_rank(label: str) -> int:
    """The most specific target header holds the requirements: "Resultatkrav" beats a bare
    "Mål" (which then names the goals)."""
    order = ["resultatkrav", "målsætning", "mål ", "succeskrit", "effektmål", "resultatmål", "måltal", "forventet"]
    low = label.casefold() + " "
    return next((k for k, word in enumerate(order) if low.startswith(word) and (word != "mål " or re.match(r"mål\s+\S", low))),
                len(order))


def _table_rows(table: NormTable, roles: dict[str, int], sections: list[Section]) -> list[_Found]:
    year = re.search(r"\b((?:19|20)\d\d)\b", table.columns[roles["requirement"]])
    section = section_at(sections, table.anchor_line - 1) if table.anchor_line else None
    out = []
    goal_text: Optional[str] = None
    for row in table.rows:
        cells = row.cells
        if roles["goal"] >= 0 and cells[roles["goal"]].text.strip():
            goal_text = cells[roles["goal"]].text.strip()
        requirement = cells[roles["requirement"]]
        parts = _cell_parts(requirement)
        baselines = _baselines(cells, roles.get("baseline"), len(parts))
        for k, part in enumerate(parts):
            if not _is_requirement(part):
                continue
            out.append(_Found(
                text=_clean(part), origin="table", line_start=table.anchor_line, line_end=table.anchor_line,
                page=_part_page(requirement, k) or row.page, cue_year=int(year.group(1)) if year else None,
                goal_text=goal_text, indicator=_cell(cells, roles.get("indicator")),
                baseline=baselines[k], data_source=_cell(cells, roles.get("source")),
                follow_up=_cell(cells, roles.get("follow_up")), section=section))
    return out


def _cell_parts(cell) -> list[str]:
    """One requirement per paragraph or numbered item, list markers removed."""
    parts = cell.paragraphs or (split_inline_numbered(cell.text) if cell.text.strip() else [])
    return [split_marker(p)[1] if split_marker(p)[0] else p for p in parts]


def _is_requirement(part: str) -> bool:
    """A lead line ending in ':' names a project, not a requirement."""
    return bool(_clean(part)) and not part.rstrip().endswith(":")


def _baselines(cells, index: Optional[int], n: int) -> list[Optional[str]]:
    """The baseline of each requirement: paired by order when the baseline cell has one
    paragraph per requirement, else the whole cell for each."""
    whole = _cell(cells, index)
    if whole is None:
        return [None] * n
    parts = [" ".join(p.split()) for p in cells[index].paragraphs]
    return parts if n > 1 and len(parts) == n else [whole] * n


def _part_page(cell, k: int) -> Optional[int]:
    return cell.paragraph_pages[k] if k < len(cell.paragraph_pages) else cell.page


def _cell(cells, index: Optional[int]) -> Optional[str]:
    if index is None or index < 0 or index >= len(cells):
        return None
    return " ".join(cells[index].text.split()) or None


# ---------------------------------------------------------------- goals and periods
class _GoalLinker:
    """The goal of a target: its table's goal column, else the goal of its section (or a
    section heading that repeats a goal's wording), walking up the section tree."""

    def __init__(self, sections: list[Section], goals: list[Goal], lines: Optional[list[Line]] = None):
        self.goals = goals
        self.restatements = _goal_restatements(lines or [], goals)
        self.previous = {b.line_no: a for a, b in zip(lines or [], (lines or [])[1:])}
        self.by_section = {g.section_id: g for g in goals if g.section_id and _goal_is_heading(g, sections)}
        self.parent = {s.section_id: s for s in sections}
        self.sections = sections

    def __call__(self, f: _Found) -> Optional[str]:
        if f.goal_text:
            goal = self.by_text(f.goal_text)
            if goal is not None:
                return goal.goal_id
        node = f.section
        while node is not None:
            goal = self.by_section.get(node.section_id) or self.by_text(node.title, 85, use_theme=False)
            if goal is not None:
                return goal.goal_id
            top = node
            node = self.parent.get(node.parent_id) if node.parent_id else None
        goal = (self.restated_above(f.line_start, top.heading_line if f.section else 0)
                or self.labelled(f.line_start) or self.by_text(f.text))
        return goal.goal_id if goal else None

    def labelled(self, line_no: int) -> Optional[Goal]:
        """A short label line right above the target ("Unge på uddannelseshjælp",
        "Virksomhedssamarbejdet") names its goal by wording or theme."""
        label = self.previous.get(line_no)
        if label is None or len(label.text) > 80 or label.text.rstrip().endswith((".", ":", "!", "?")) \
                or split_marker(label.text)[0] is not None:
            return None
        return self.by_text(label.text)

    def restated_above(self, line_no: int, stop: int) -> Optional[Goal]:
        """A status section restates goals as plain lines above their targets: the nearest
        line above (inside the same top section) that repeats a goal's wording."""
        k = bisect.bisect_left(self.restatements, (line_no,)) - 1
        if k >= 0 and self.restatements[k][0] >= stop:
            return self.restatements[k][1]
        return None

    def by_text(self, text: str, threshold: float = 80, use_theme: bool = True) -> Optional[Goal]:
        """The goal a label names: by wording (any of the goal's wordings), else by shared
        word stems ("Værdig sagsbehandling"), else by theme when one goal has it."""
        scored = [(max(_wording_score(text, w) for w in [g.text, *g.variants]), g) for g in self.goals]
        score, best = max(scored, key=lambda sg: sg[0], default=(0.0, None))
        if best is not None and score >= threshold:
            return best
        if not use_theme:
            return None
        theme = theme_for(text)
        same = [g for g in self.goals if theme and g.theme == theme] or \
               [g for g in self.goals if theme and g.theme == RELATED_THEMES.get(theme)]
        ministers = [g for g in same if g.kind == "minister"]
        pick = ministers if len(ministers) == 1 else same
        return pick[0] if len(pick) == 1 else None


def _goal_restatements(lines: list[Line], goals: list[Goal]) -> list[tuple[int, Goal]]:
    """(line_no, goal) for every plain line that repeats a goal's wording, in order."""
    out = []
    for ln in lines:
        if len(ln.text) > 250 or split_marker(ln.text)[0] is not None:
            continue
        goal = next((g for g in goals if len(ln.text) <= 1.3 * len(g.text) + 5
                     and _wording_score(ln.text, g.text) >= 90), None)
        if goal is not None:
            out.append((ln.line_no, goal))
    return out


GOAL_LABEL_PREFIX_RE = re.compile(
    rf"^\s*(?:(?:{GOAL_LABELS})\s*(?:nr\.?\s*)?\d{{0,2}}\s*[:\-–.]?\s*|\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+)", re.I)


def _wording_score(label: str, wording: str) -> float:
    label = GOAL_LABEL_PREFIX_RE.sub("", label) or label
    a, b = norm(label), norm(wording)
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b)
    if len(a) > 20 and (b.startswith(a[:40]) or a.startswith(b[:40])):
        score = max(score, 90.0)
    stems_a = {w[:6] for w in a.split() if len(w) >= 4}
    stems_b = {w[:6] for w in b.split() if len(w) >= 4}
    if stems_a and stems_a <= stems_b:
        score = max(score, 85.0)
    return score


def _goal_is_heading(goal: Goal, sections: list[Section]) -> bool:
    section = next((s for s in sections if s.section_id == goal.section_id), None)
    return section is not None and section.heading_line == goal.line_start


def _status_line_ranges(sections: list[Section]) -> list[tuple[int, int]]:
    out = []
    for k, s in enumerate(sections):
        if STATUS_RE.search(s.title) and s.level <= 2:
            end = next((x.heading_line for x in sections[k + 1:] if x.level <= s.level), 10 ** 9)
            out.append((s.heading_line, end - 1))
    return out


def _in_ranges(line_no: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= line_no <= b for a, b in ranges)


def _for_earlier_year(f: _Found, plan_year: Optional[int]) -> bool:
    """A target headed "Mål for 2023:" or a column "Resultatmål for 2015" in a later year's
    plan restates last year's target."""
    return bool(f.cue_year and plan_year and f.cue_year < plan_year)


def _in_status_section(section: Optional[Section], sections: list[Section], plan_year: Optional[int]) -> bool:
    by_id = {s.section_id: s for s in sections}
    node = section
    while node is not None:
        m = STATUS_RE.search(node.title)
        if m:
            year = re.search(r"\b((?:19|20)\d\d)\b", node.title)
            return year is None or plan_year is None or int(year.group(1)) < plan_year
        node = by_id.get(node.parent_id) if node.parent_id else None
    return False


# ---------------------------------------------------------------- records
def _record(doc: ParsedDocument, k: int, f: _Found, goal_id: Optional[str], prior: bool,
            plan_year: Optional[int]) -> Target:
    context = " ".join(t for t in (f.indicator, f.goal_text) if t) or None
    d = describe_target(f.text, default_year=f.cue_year, context=context)
    return Target(doc_id=doc.doc_id, page=f.page, line_start=f.line_start, line_end=f.line_end,
                  extractor=EXTRACTOR, extractor_version=VERSION, target_id=f"{doc.doc_id}-t{k}", ord=k,
                  goal_id=goal_id, section_id=f.section.section_id if f.section else None, origin=f.origin,
                  text=f.text, period="prior" if prior else "plan",
                  baseline_text=f.baseline or d.baseline_text, target_value=d.value, unit=d.unit,
                  direction=d.direction, target_year=d.year, comparator=d.comparator,
                  target_group=match_target_group(f.text) or (match_target_group(context) if context else None),
                  data_source=f.data_source, follow_up=f.follow_up)


def _link_restatements(targets: list[Target]) -> None:
    """A target stated in a section and again in an overview table: `same_as` points back."""
    by_value: dict[Optional[float], list[Target]] = {}
    for t in targets:
        if t.origin != "table":
            by_value.setdefault(t.target_value, []).append(t)
    for t in targets:
        if t.origin != "table":
            continue
        for other in by_value.get(t.target_value, []):
            if fuzz.ratio(norm(other.text), norm(t.text)) >= 85:
                t.same_as = other.target_id
                break
