"""Every goal a plan presents as a goal, one row per goal, mapped to the Minister's catalogue.

Where goals are stated (each gives candidates):
1. section headings with a goal prefix: "Ministermål 1: …", "Beskæftigelsesmål 4: …",
   "Ministerens mål 2 - …", "Indsatsområde …", or a "(ministermål)" suffix;
2. runs of numbered sibling headings of which at least half state a catalogue goal
   (so "6.4 …" and "6.5 …" next to "6.1–6.3" are goals too);
3. lists introduced by a sentence about goals ("Disse syv mål …:", "Målene er følgende:",
   "… har fastsat yderligere to mål:");
4. a table "Ministermål | Indsatsområder" whose cells hold numbered lists.
Candidates for one goal are merged (same wording, or the same number in two enumerations
of the same length that mostly agree); the section heading's wording and page win.

Mapping: the goal year is the plan year unless the plan says it follows another year's
goals ("De gældende ministermål for 2022 fortsætter i 2023"). A goal whose wording matches
that year's catalogue is `minister`; anything else — and anything the plan calls its own
("Indsatsområde", "lokalpolitisk", "yderligere … mål") — is `local`, with a theme where a
goal of another year or a keyword fits, and a warning. A match is never forced.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extractors.clean import join_hyphenated
from extractors.goal_catalogue import (THEME_THRESHOLD, best_match, goal_similarity, looks_like_catalogue_goal,
                                       match_goal_year, nearest_catalogue_year, norm, theme_for)
from extractors.lists import split_marker
from extractors.outline import section_at, section_of_table
from extractors.tables import NormTable
from extractors.toc import toc_line_span
from extractors.wording import GOAL_LABELS, MINISTER_LABELS, norm_key
from models.catalogues import minister_goals_for
from models.document import Line, ParsedDocument, Table
from models.records import Goal, Section, TocEntry

EXTRACTOR = "goals"
VERSION = "1"
PREFIX_RE = re.compile(
    rf"^(?P<prefix>(?P<kind>{GOAL_LABELS})"
    r"(?:\s+(?:nr\.?\s*)?(?P<number>\d{1,2}))?)\s*(?:[:\-–.]\s*|\s+(?=(?-i:[A-ZÆØÅ])))(?P<text>\S.*)$", re.I)
CONTAINER_TEXT_RE = re.compile(r"^(?:for|i)\s+(?:året\s+)?(?:19|20)\d\d\W*$", re.I)
SUFFIX_RE = re.compile(r"\s*\((?P<tag>ministermål|ministerens mål|lokalt mål|lokal\w*)\)\s*\.?$", re.I)
GOAL_LIST_CUE_RE = re.compile(
    r"(\bmål(?:ene|sætninger)?\b|ministermål\w*|beskæftigelsesmål\w*|indsatsområder).{0,120}:\s*$|"
    r"(følgende|disse|yderligere|nedenstående)\s.{0,60}\bmål\b.{0,60}:\s*$", re.I)
NOT_GOAL_LIST_RE = re.compile(r"^\W*mål for \d{4}\s*:|målsætning|resultat|pejlemærke|sigtelinje|vision", re.I)
LOCAL_CUE_RE = re.compile(r"yderligere|egne\s+mål|lokal\w*|kommunen\s+har\s+fastsat|fastsat\s+af\s+(by|kommunal)", re.I)
FOLLOWS_YEAR_RE = re.compile(
    r"mål\w*\s+(?:for\s+)?(?P<followed>(?:19|20)\d\d)\s+(?:fortsætter|videreføres|gælder|er\s+videreført)"
    r"\s+(?:også\s+|uændret\s+)?(?:i|for|ind\s+i)\s+(?P<year>(?:19|20)\d\d)", re.I)
MERGE_THRESHOLD = 82.0


@dataclass
class Candidate:
    text: str
    number: Optional[str]
    page: Optional[int]
    line_no: int
    source: str                      # heading | run | list | table | line
    family: str
    section_id: Optional[str] = None
    local_hint: bool = False
    minister_hint: bool = False
    in_toc: bool = False
    weight: int = 0
    seq: int = 0                     # order among candidates stated at the same place (table cells)
    members: list["Candidate"] = field(default_factory=list)


# ---------------------------------------------------------------- the stage
def extract_goals(doc: ParsedDocument, sections: list[Section], plan_year: Optional[int],
                  toc: Optional[list[TocEntry]] = None,
                  tables: Optional[list[NormTable]] = None) -> tuple[list[Goal], list[str]]:
    """(goals, warnings)."""
    warnings: list[str] = []
    toc = toc or []
    goal_year = find_goal_year(doc, plan_year)
    heads = heading_candidates(sections, {norm_key(e.title) for e in toc})
    if doc.flattened:
        heads += flattened_line_candidates(doc, sections, toc_line_span(doc, toc) if toc else None)
    groups = merge_candidates(heads, goal_year)
    groups = merge_candidates(groups + list_candidates(doc, sections) + inline_list_candidates(doc, sections)
                              + table_candidates(doc, sections)
                              + target_table_candidates(tables or [], sections, goal_year), goal_year)
    groups = pair_theme_headings(groups, sections, {norm_key(e.title) for e in toc})
    ordered = _in_order(groups)
    minister_families = _minister_families(ordered, goal_year)
    goals = [_to_goal(doc, i, g, goal_year, warnings, g.family in minister_families) for i, g in enumerate(ordered)]
    _drop_duplicate_keys(goals, warnings)
    return goals, warnings


def find_goal_year(doc: ParsedDocument, plan_year: Optional[int]) -> Optional[int]:
    """The plan year, unless the plan says it follows another year's goals."""
    for ln in doc.content_lines():
        m = FOLLOWS_YEAR_RE.search(ln.text)
        if m and (plan_year is None or int(m.group("year")) == plan_year):
            return int(m.group("followed"))
    return plan_year


# ---------------------------------------------------------------- candidates
def heading_candidates(sections: list[Section], toc_titles: set[str]) -> list[Candidate]:
    out = [c for s in sections if (c := _prefixed_heading(s, sections, toc_titles))]
    taken = {c.section_id for c in out}
    out += [c for c in local_container_candidates(sections, toc_titles) if c.section_id not in taken]
    taken = {c.section_id for c in out}
    for run in _numbered_runs(sections) + _unnumbered_siblings(sections):
        if sum(looks_like_catalogue_goal(_strip_suffix(s.title)[0]) for s in run) * 2 >= len(run) and len(run) >= 2:
            out += [_from_section(s, "run", f"run:{run[0].section_id}", toc_titles)
                    for s in run if s.section_id not in taken]
    return out


def _prefixed_heading(s: Section, sections: list[Section], toc_titles: set[str]) -> Optional[Candidate]:
    title, tag = _strip_suffix(s.title)
    m = PREFIX_RE.match(title)
    if m and m.group("kind").casefold() == "mål" and not m.group("number"):
        m = None       # a bare "Mål" heading is a targets section, not a goal
    if m and CONTAINER_TEXT_RE.match(m.group("text")):
        return None    # "MINISTERENS MÅL FOR 2022" holds the goals; it is not one
    if m is None and not tag:
        return None
    c = _from_section(s, "heading", f"prefix:{m.group('kind').casefold() if m else 'suffix'}", toc_titles)
    if m:
        c.text, c.number = m.group("text").strip(), m.group("number") or c.number
        kind = m.group("kind").casefold()
        c.minister_hint = bool(re.match(MINISTER_LABELS, kind))
        c.local_hint = kind.startswith("lokalt")     # "Indsatsområde" alone says nothing about whose goal
    c.minister_hint |= bool(tag and tag.casefold().startswith("minister"))
    c.local_hint |= bool(tag and tag.casefold().startswith("lokal")) or _under_local_parent(s, sections)
    return c


def _strip_suffix(title: str) -> tuple[str, Optional[str]]:
    m = SUFFIX_RE.search(title)
    return (title[:m.start()].strip(), m.group("tag")) if m else (title.strip(), None)


def _from_section(s: Section, source: str, family: str, toc_titles: set[str]) -> Candidate:
    text, tag = _strip_suffix(s.title)
    return Candidate(text=text, number=s.number or None, page=s.page_start, line_no=s.heading_line,
                     source=source, family=family, section_id=s.section_id,
                     minister_hint=bool(tag and tag.casefold().startswith("minister")),
                     in_toc=norm_key(s.title) in toc_titles, weight=len(s.text))


LOCAL_CONTAINER_RE = re.compile(r"lokal\w*\s+(prioriter\w*\s+)?(mål|indsats\w*|fokus\w*)|egne\s+mål|"
                                r"(byrådets|kommunalbestyrelsens|udvalgets)\s+(egne\s+)?mål", re.I)


def _under_local_parent(s: Section, sections: list[Section]) -> bool:
    """The heading sits under, or right after at its own level, a heading such as 'Lokale
    mål' or 'Lokalpolitisk prioriterede indsatsområder'."""
    before = [x for x in sections if x.ord < s.ord]
    for x in reversed(before):
        if x.level < s.level or LOCAL_CONTAINER_RE.search(x.title):
            return bool(LOCAL_CONTAINER_RE.search(x.title))
    return False


def local_container_candidates(sections: list[Section], toc_titles: set[str]) -> list[Candidate]:
    """The sub-sections of a 'Lokale mål' / 'Lokale indsatsområder' section are local goals."""
    out = []
    for parent in sections:
        if not LOCAL_CONTAINER_RE.search(parent.title):
            continue
        for child in (s for s in sections if s.parent_id == parent.section_id):
            c = _from_section(child, "heading", f"local:{parent.section_id}", toc_titles)
            c.local_hint = True
            out.append(c)
    return out


def _numbered_runs(sections: list[Section]) -> list[list[Section]]:
    """Consecutive numbered sibling headings, split where the numbering restarts."""
    runs: list[list[Section]] = []
    current: list[Section] = []
    for s in sections:
        if not s.number or PREFIX_RE.match(s.title):
            continue
        last = current[-1] if current else None
        if last and s.level == last.level and s.parent_id == last.parent_id and _next_number(last.number, s.number):
            current.append(s)
        elif last is None or s.level <= last.level or s.parent_id != last.parent_id:
            if current:
                runs.append(current)
            current = [s]
    if current:
        runs.append(current)
    return runs


def _unnumbered_siblings(sections: list[Section]) -> list[list[Section]]:
    """The unnumbered sub-sections of one section ("MINISTERENS MÅL FOR 2022" → five
    goal headings in bold without numbers)."""
    children: dict[str, list[Section]] = {}
    for s in sections:
        if s.parent_id and not s.number and not PREFIX_RE.match(s.title):
            children.setdefault(s.parent_id, []).append(s)
    return list(children.values())


def _next_number(a: str, b: str) -> bool:
    pa, pb = a.split("."), b.split(".")
    return len(pa) == len(pb) and pa[:-1] == pb[:-1] and int(pb[-1]) == int(pa[-1]) + 1


def flattened_line_candidates(doc: ParsedDocument, sections: list[Section],
                              toc_span: Optional[tuple[int, int]]) -> list[Candidate]:
    """In a flattened transcript a goal heading can stay glued to its text: 'Ministerens mål 1 -
    Flere personer … forsørgelse Det er regeringens ambition …'. The catalogue wording, or the
    first sentence, tells where the heading ends."""
    heading_lines = {s.heading_line for s in sections}
    out = []
    for ln in doc.content_lines():
        if toc_span and toc_span[0] <= ln.line_no <= toc_span[1]:
            continue
        m = PREFIX_RE.match(ln.text)
        if not m or ln.line_no in heading_lines or not re.match(MINISTER_LABELS, m.group("kind"), re.I):
            continue
        sec = section_at(sections, ln.line_no)
        out.append(Candidate(text=_trim_heading(m.group("text")), number=m.group("number"), page=ln.page,
                             line_no=ln.line_no, source="line", family="prefix:line",
                             section_id=sec.section_id if sec else None, minister_hint=True, weight=len(ln.text)))
    return out


def _trim_heading(text: str) -> str:
    from extractors.goal_catalogue import match_any_year
    goal, score = match_any_year(text)
    if goal is not None and score >= 85:
        wording = max(goal.wordings(), key=lambda w: goal_similarity(text, w))
        cut = _word_boundary(text, len(wording))
        return text[:cut].strip()
    first = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
    return first.strip()


def _word_boundary(text: str, n: int) -> int:
    if n >= len(text):
        return len(text)
    space = text.find(" ", n)
    return len(text) if space == -1 else space


def list_candidates(doc: ParsedDocument, sections: list[Section]) -> list[Candidate]:
    """Numbered or bulleted items after a sentence that introduces goals."""
    content = doc.content_lines()
    headings = {s.heading_line for s in sections}
    table_lines = {t.anchor_line for t in doc.tables}
    out: list[Candidate] = []
    for i, ln in enumerate(content):
        cue = _paragraph_tail(content, i)
        if not ln.text.rstrip().endswith(":") or not GOAL_LIST_CUE_RE.search(cue) or NOT_GOAL_LIST_RE.search(cue):
            continue
        if i + 1 < len(content) and any(ln.line_no < a <= content[i + 1].line_no for a in table_lines):
            continue    # the goals follow in a table (table_candidates)
        local = bool(LOCAL_CUE_RE.search(cue))
        items = _goal_items(content, i + 1, headings)
        if len(items) < 1 or not any(looks_like_catalogue_goal(t) for _, t, _ in items) and not local:
            continue
        for item_line, text, number in items:
            sec = section_at(sections, item_line.line_no)
            out.append(Candidate(text=_strip_suffix(text)[0], number=number, page=item_line.page,
                                 line_no=item_line.line_no, source="list", family=f"list:{ln.line_no}",
                                 section_id=sec.section_id if sec else None, local_hint=local))
    return out


INLINE_GOALS_RE = re.compile(r"(?:fastsat|udmeldt|meldt\s+ud|følgende|disse)\b[^:.]{0,60}\bmål\w*\s*:\s*at\s+(?P<items>.+?)"
                             r"(?:\.\s+(?=[A-ZÆØÅ])|\.?$)", re.I)
INLINE_ITEM_SPLIT_RE = re.compile(r",\s+(?:og\s+)?at\s+|\s+og\s+at\s+")


def inline_list_candidates(doc: ParsedDocument, sections: list[Section]) -> list[Candidate]:
    """Goals listed inside a sentence: "… har for 2017 fastsat fire mål: at virksomhederne
    skal sikres …, at flere unge skal have en uddannelse, … og at flere flygtninge …"."""
    out: list[Candidate] = []
    for lines in _paragraphs(doc.content_lines()):
        text = " ".join(ln.text.strip() for ln in lines)
        m = INLINE_GOALS_RE.search(text)
        items = [t.strip(" ,.") for t in INLINE_ITEM_SPLIT_RE.split(m.group("items"))] if m else []
        if len(items) < 2 or not any(looks_like_catalogue_goal(t) for t in items):
            continue
        sec = section_at(sections, lines[0].line_no)
        out += [Candidate(text=t, number=None, page=lines[0].page, line_no=lines[0].line_no, source="list",
                          family=f"inline:{lines[0].line_no}", seq=k, section_id=sec.section_id if sec else None,
                          local_hint=bool(LOCAL_CUE_RE.search(text[:m.start("items")])))
                for k, t in enumerate(items) if t]
    return out


def _paragraphs(content: list[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    for ln in content:
        if ln.para_start or not out:
            out.append([ln])
        else:
            out[-1].append(ln)
    return out


def _paragraph_tail(content: list[Line], i: int) -> str:
    """A line with the lines of its paragraph above it (a cue sentence wrapped in a PDF)."""
    lines = [content[i].text]
    k = i
    while k > 0 and not content[k].para_start and len(lines) < 4:
        k -= 1
        lines.insert(0, content[k].text)
    return " ".join(lines)


def _goal_items(content: list[Line], start: int, headings: set[int]) -> list[tuple[Line, str, Optional[str]]]:
    """Marked items after a cue, up to the next heading; an item's wrapped lines are joined;
    descriptive paragraphs between numbered items are skipped."""
    items: list[tuple[Line, str, Optional[str]]] = []
    expected: Optional[int] = None
    skipped = False                      # a paragraph between items: no line after it wraps an item
    for ln in content[start:start + 60]:
        if ln.line_no in headings:
            break
        if items and not skipped and not ln.para_start and split_marker(ln.text)[0] is None \
                and _item_number(ln.text) is None and _wraps_item(items[-1][0], ln):
            first, text, number = items[-1]
            items[-1] = (first, join_hyphenated(text, ln.text.strip()), number)
            continue
        marker, rest = split_marker(ln.text)
        number = _item_number(ln.text)
        skipped = False
        if number is not None and (expected is None or int(number) == expected) and len(ln.text) < 300:
            items.append((ln, _item_text(ln.text), number))
            expected = int(number) + 1
        elif marker is not None and expected is None and len(rest) < 300:
            items.append((ln, rest, None))
        elif items and (GOAL_LIST_CUE_RE.search(ln.text) or _is_heading_like(ln)):
            break
        elif not items and ln.para_start and len(ln.text) > 200:
            break
        else:
            skipped = True
    return items


def _wraps_item(first: Line, ln: Line) -> bool:
    """A wrapped line of a list item: it goes on mid-sentence or hangs under the item's text
    (a paragraph after the list starts at the margin with a capital)."""
    return ln.text[:1].islower() or ln.indent > first.indent + 2 or first.bbox is None


def _item_number(text: str) -> Optional[str]:
    m = re.match(r"^\s*(\d{1,2})(?:[.)]\s+|\s+(?=[A-ZÆØÅ]))", text)
    return m.group(1) if m else None


def _item_text(text: str) -> str:
    return re.sub(r"^\s*\d{1,2}[.)]?\s+", "", text).strip()


def _is_heading_like(ln: Line) -> bool:
    return bool(ln.heading_level) or (ln.bold and len(ln.text) < 120)


def table_candidates(doc: ParsedDocument, sections: list[Section]) -> list[Candidate]:
    """A table whose header names goal columns ('Ministermål | Indsatsområder') and whose
    cells list the goals."""
    out: list[Candidate] = []
    for table in doc.tables:
        out += _goal_table_candidates(table, sections)
    return out


def _goal_table_candidates(table: Table, sections: list[Section]) -> list[Candidate]:
    if len(table.rows) < 2 or table.n_cols > 4:
        return []
    header = [c.text.casefold() for c in table.rows[0].cells]
    kinds = ["minister" if re.search(MINISTER_LABELS, h) else
             "local" if re.search(r"indsatsområd|lokal|egne mål|fokusområd", h) else None for h in header]
    if not any(kinds):
        return []
    out = []
    sec = section_of_table(sections, table)
    for row in table.rows[1:]:
        for col, (cell, kind) in enumerate(zip(row.cells, kinds)):
            parts = cell.parts()
            if kind is None or len(parts) < 2:
                continue
            for k, part in enumerate(parts):
                out.append(Candidate(text=_item_text(part), number=_item_number(part), page=cell.page or table.page,
                                     line_no=table.anchor_line, source="table",
                                     family=f"table:{table.table_no}:{col}",
                                     section_id=sec.section_id if sec else None, seq=col * 100 + k,
                                     local_hint=kind == "local", minister_hint=kind == "minister"))
    return out


def target_table_candidates(tables: list[NormTable], sections: list[Section],
                            goal_year: Optional[int]) -> list[Candidate]:
    """The goal column of a target table states goals too; a cell is taken as a goal only
    when it states one of the goal year's catalogue goals (other cells are sub-targets)."""
    from extractors.targets import target_table_roles
    out = []
    year = nearest_catalogue_year(goal_year)
    for table in tables:
        roles = target_table_roles(table)
        if roles is None or roles.get("goal", -1) < 0:
            continue
        sec = section_of_table(sections, table)
        for k, row in enumerate(table.rows):
            text = _strip_suffix(" ".join(row.cells[roles["goal"]].text.split()))[0]
            label = PREFIX_RE.match(text)          # "Ministermål 3: Flere flygtninge …"
            text = label.group("text").strip() if label else text
            if text and match_goal_year(text, year)[0] is not None:
                out.append(Candidate(text=text, number=label.group("number") if label else None, page=row.page,
                                     line_no=table.anchor_line, source="table",
                                     family=f"target_table:{table.table_no}", seq=k,
                                     section_id=sec.section_id if sec else None))
    return out


# ---------------------------------------------------------------- merging
def merge_candidates(cands: list[Candidate], goal_year: Optional[int]) -> list[Candidate]:
    """Merge candidates that state the same goal; the best-placed one represents the group."""
    groups: list[Candidate] = []
    index = _WordingIndex()
    for c in sorted(cands, key=_rank):
        target = index.same_text(c)
        if target is None:
            group = c if c.members else _as_group(c)
            groups.append(group)
        else:
            _absorb(target, c)
            group = target
        for m in c.members or [c]:
            index.add(norm(m.text), group)
    return _merge_labelled_by_number(_merge_by_number(groups), goal_year)


class _WordingIndex:
    """Every wording stated so far, searchable with rapidfuzz (so merging stays fast on
    long documents): candidates are short-listed by partial ratio, then scored exactly."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.groups: list[Candidate] = []

    def add(self, text: str, group: Candidate) -> None:
        self.texts.append(text)
        self.groups.append(group)

    def same_text(self, c: Candidate) -> Optional[Candidate]:
        from rapidfuzz import fuzz, process
        query = norm(c.text)
        if not query or not self.texts:
            return None
        best, best_score = None, 0.0
        for _, _, k in process.extract(query, self.texts, scorer=fuzz.partial_ratio, score_cutoff=70, limit=12):
            group = self.groups[k]
            score = _text_score(self.texts[k], query)
            if group.family == c.family and c.source != "run" and score < 95:
                continue    # one enumeration never states two goals alike (a restatement is identical)
            if score > best_score:
                best, best_score = group, score
        return best if best_score >= MERGE_THRESHOLD else None


def _rank(c: Candidate) -> tuple:
    """Representatives first: headings listed in the TOC with most text, then other headings."""
    order = {"heading": 0, "run": 0, "line": 1, "list": 2, "table": 3}
    return (order.get(c.source, 4), not c.in_toc, -c.weight, c.line_no)


def _as_group(c: Candidate) -> Candidate:
    c.members = [c]
    return c


def _text_score(a: str, b: str) -> float:
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return 0.0
    if len(na) >= 12 and len(nb) >= 12 and (na.startswith(nb) or nb.startswith(na)):
        return 95.0
    return max(goal_similarity(a, b), goal_similarity(b, a))


def _absorb(group: Candidate, c: Candidate) -> None:
    members = c.members or [c]
    group.members.extend(members)
    group.local_hint |= any(m.local_hint for m in members)
    group.minister_hint |= any(m.minister_hint for m in members)
    if group.number is None:
        group.number = next((m.number for m in members if m.number), None)


def _merge_by_number(groups: list[Candidate]) -> list[Candidate]:
    """Two enumerations of the same length that agree on most items state the same goals:
    merge the remaining items by number ('Beskæftigelsesmål 5: Sygemeldte …' and
    '5. Et særligt fokus på modtagere af sygedagpenge')."""
    families: dict[str, list[Candidate]] = {}
    for g in groups:
        for m in g.members:
            families.setdefault(m.family, []).append(g)
    merged: set[int] = set()
    for fam_a, groups_a in families.items():
        for fam_b, groups_b in families.items():
            if fam_a >= fam_b or len(groups_a) != len(groups_b) or len(groups_a) < 3:
                continue
            shared = {id(g) for g in groups_a} & {id(g) for g in groups_b}
            if len(shared) * 2 < len(groups_a) + 1:
                continue
            _pair_by_number(fam_a, fam_b, groups_a, groups_b, shared, merged)
    return [g for g in groups if id(g) not in merged]


def _merge_labelled_by_number(groups: list[Candidate], goal_year: Optional[int]) -> list[Candidate]:
    """A heading with a goal label and number in short form ("Mål 4 – Flere jobparate …")
    states the goal the plan's list or table numbers the same way ("4. Flere jobparate
    personer på kontanthjælp skal i beskæftigelse …") when its own words match no catalogue
    goal but the listed one does."""
    year = nearest_catalogue_year(goal_year)
    listed: dict[str, list[Candidate]] = {}
    for g in groups:
        if all(m.source in ("list", "table") for m in g.members) and not g.local_hint and _matches(g, year):
            for m in g.members:
                if m.number:
                    listed.setdefault(m.number, []).append(g)
    merged: set[int] = set()
    for g in groups:
        labelled = [m for m in g.members if m.source == "heading" and m.family.startswith("prefix:") and m.number]
        if not labelled or g.local_hint or _matches(g, year):
            continue
        same = [x for x in listed.get(labelled[0].number, []) if id(x) not in merged]
        if len(same) == 1:
            _absorb(g, same[0])
            merged.add(id(same[0]))
    return [g for g in groups if id(g) not in merged]


def _matches(g: Candidate, year: Optional[int]) -> bool:
    return any(match_goal_year(m.text, year)[0] is not None for m in g.members)


def _pair_by_number(fam_a, fam_b, groups_a, groups_b, shared, merged) -> None:
    by_number_b = {_member_number(g, fam_b): g for g in groups_b if id(g) not in shared}
    for g in groups_a:
        if id(g) in shared or id(g) in merged:
            continue
        other = by_number_b.get(_member_number(g, fam_a))
        if other is not None and other is not g and id(other) not in merged:
            keep, drop = sorted((g, other), key=_rank)
            _absorb(keep, drop)
            merged.add(id(drop))


def _member_number(g: Candidate, family: str) -> Optional[str]:
    m = next((m for m in g.members if m.family == family), None)
    return m.number.split(".")[-1] if m and m.number else None


def _in_order(groups: list[Candidate]) -> list[Candidate]:
    """Goals in the order the plan first states them."""
    return sorted(groups, key=lambda g: min((m.line_no - (0.5 if m.source == "table" else 0), m.seq)
                                            for m in (g.members or [g])))


# ---------------------------------------------------------------- records
def pair_theme_headings(groups: list[Candidate], sections: list[Section], toc_titles: set[str]) -> list[Candidate]:
    """Goals stated only in a table or list, then discussed under theme headings of the same
    chapter ("Flere unge skal have en uddannelse" in the table, "3.2.1 Unge og uddannelse"
    below): a run of sibling headings whose themes each name a different one of those goals
    gives each goal its heading (wording, number and page), so its actions and targets link."""
    unplaced = [g for g in groups if not any(m.source in ("heading", "run", "line") for m in g.members)]
    by_id = {s.section_id: s for s in sections}
    taken = {m.section_id for g in groups for m in g.members if m.source in ("heading", "run")}
    for siblings in _sibling_groups(sections):
        pairs = _theme_pairs(siblings, unplaced, by_id, taken)
        if len(pairs) < 2 or len(pairs) * 2 < len(siblings):
            continue
        for section, goal in pairs:
            heading = _as_group(_from_section(section, "heading", f"theme:{section.parent_id}", toc_titles))
            _absorb(heading, goal)
            groups[groups.index(goal)] = heading
            unplaced.remove(goal)
    return groups


def _sibling_groups(sections: list[Section]) -> list[list[Section]]:
    children: dict[Optional[str], list[Section]] = {}
    for s in sections:
        if s.parent_id:
            children.setdefault(s.parent_id, []).append(s)
    return [kids for kids in children.values() if len(kids) >= 2]


def _theme_pairs(siblings, unplaced, by_id, taken) -> list[tuple[Section, Candidate]]:
    """(section, goal) where the section's title names the theme of exactly one goal stated
    earlier in the same chapter."""
    pairs = []
    for s in siblings:
        theme = theme_for(s.title)
        same = [g for g in unplaced if theme and theme_for(g.text) == theme and g.line_no <= s.heading_line
                and _chapter(g.section_id, by_id) == _chapter(s.section_id, by_id)]
        if len(same) == 1 and s.section_id not in taken and same[0] not in [g for _, g in pairs]:
            pairs.append((s, same[0]))
    return pairs


def _chapter(section_id: Optional[str], by_id: dict[str, Section]) -> Optional[str]:
    node = by_id.get(section_id) if section_id else None
    while node is not None and node.parent_id:
        node = by_id.get(node.parent_id)
    return node.section_id if node else None


def _minister_families(groups: list[Candidate], goal_year: Optional[int]) -> set[str]:
    """Families (one run of sibling headings, one list) most of whose goals match the catalogue."""
    year = nearest_catalogue_year(goal_year)
    counts: dict[str, list[int]] = {}
    for g in groups:
        matched = match_goal_year(g.text, year)[0] is not None
        counts.setdefault(g.family, []).append(matched)
    return {f for f, m in counts.items() if len(m) >= 3 and sum(m) * 2 > len(m)}


def _to_goal(doc: ParsedDocument, ord_: int, g: Candidate, goal_year: Optional[int],
             warnings: list[str], among_minister_goals: bool = False) -> Goal:
    year = nearest_catalogue_year(goal_year)
    match, score = match_goal_year(g.text, year)
    if match is None:
        for m in g.members:   # another statement of the same goal may match better
            match, score = match_goal_year(m.text, year)
            if match is not None:
                break
    if match is None and among_minister_goals and not g.local_hint:
        match, score = _reworded_minister_goal(g.text, year, warnings)
    kind = "minister" if match is not None and not g.local_hint else "local"
    if kind == "local" and g.minister_hint and match is None:
        warnings.append(f"goal {g.text[:60]!r} is called a minister's goal but matches no {year} catalogue goal "
                        f"(best {score:.0f}); stored as local")
    elif kind == "local" and not g.local_hint:
        warnings.append(f"goal {g.text[:60]!r} matches no {year} catalogue goal (best {score:.0f}); stored as local")
    if year != goal_year and match is not None:
        warnings.append(f"no catalogue for {goal_year}; goal mapped to {year}")
    return Goal(doc_id=doc.doc_id, page=g.page, line_start=g.line_no, line_end=g.line_no,
                extractor=EXTRACTOR, extractor_version=VERSION, goal_id=f"{doc.doc_id}-g{ord_}",
                ord=ord_, kind=kind, number_in_doc=g.number, text=g.text,
                minister_goal_key=match.goal_key if kind == "minister" else None,
                theme=match.theme if kind == "minister" else theme_for(g.text, goal_year),
                match_score=round(score, 1), section_id=g.section_id, goal_year=goal_year,
                mentions=len(g.members) or 1,
                variants=sorted({m.text for m in g.members if m.text != g.text}))


def _reworded_minister_goal(text: str, year: Optional[int], warnings: list[str]):
    """A goal heading among headings that state the Minister's goals, reworded a little
    ("… skal forsørge sig selv" for "… skal være selvforsørgende"): the closest catalogue
    goal when it is close enough and about the same theme."""
    goal, score = best_match(text, minister_goals_for(year)) if year else (None, 0.0)
    if goal is None or score < THEME_THRESHOLD or theme_for(text) != goal.theme:
        return None, score
    warnings.append(f"goal {text[:60]!r} reads as {goal.goal_key} among the Minister's goals around it "
                    f"(score {score:.0f})")
    return goal, score


def _drop_duplicate_keys(goals: list[Goal], warnings: list[str]) -> None:
    """Two goals mapped to one catalogue goal: the weaker match becomes local."""
    best: dict[str, Goal] = {}
    for g in goals:
        if g.minister_goal_key is None:
            continue
        other = best.get(g.minister_goal_key)
        if other is None or (g.match_score or 0) > (other.match_score or 0):
            best[g.minister_goal_key] = g
    for g in goals:
        if g.minister_goal_key and best[g.minister_goal_key] is not g:
            warnings.append(f"goals {g.text[:40]!r} and {best[g.minister_goal_key].text[:40]!r} both match "
                            f"{g.minister_goal_key}; the weaker is stored as local")
            g.kind, g.minister_goal_key = "local", None

