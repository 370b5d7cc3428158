"""Document metadata from the text only (never the file name): municipality and code,
`also_covers`, plan year, title and draft flag.

Where each comes from, in order of trust:
- the cover (content lines before the contents list or first section) and the running
  headers, which name the plan and its municipality;
- the body, for mention counts and for sentences saying the jobcentre also serves another
  municipality ("varetager … for … Dragør kommune", "forpligtende samarbejde … på
  beskæftigelsesområdet"), and the jobcentre catalogue.
Junk flagged by cleaning (a related-documents list naming other plans) is never read.
Undecidable values are NULL with a warning.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from models.catalogues import Municipality, jobcentres, municipalities, municipality_by_code
from models.document import Line, LineFlag, ParsedDocument
from models.records import DocumentMeta

EXTRACTOR = "metadata"
VERSION = "1"
PLAN_WORD = r"\b(?:beskæftigelsesplan(?:en)?|beskaeftigelsesplan(?:en)?|bp)"
PLAN_YEAR_RE = re.compile(PLAN_WORD + r"\s*(?:for\s+(?:år(?:et)?\s+)?)?((?:19|20)\d\d)(?:\s*[-–/]\s*(?:19|20)?\d\d)?\b", re.I)
TITLE_RE = re.compile(r"(beskæftigelsesplan|beskæftigelsesstrategi|beskæftigelsespolitisk\s+plan|plan\s+for\s+beskæftigelse)", re.I)
DRAFT_RE = re.compile(r"\b(udkast|skitse|draft|høringsudkast|høringsversion|foreløbig\s+version|til\s+høring)\b", re.I)
TITLE_CUT_RE = re.compile(r"\s+(godkendt|vedtaget|behandlet|version|dato|udarbejdet)\b.*$", re.I)
TITLE_PREFIX_RE = re.compile(r"^(\d+\.\s*)?(udkast|skitse)(\s+(til|for))?\s*:?\s*", re.I)
AMBIGUOUS_NAMES = {"Vejen", "Skive", "Odder", "Varde", "Lyngby-Taarbæk"}   # also ordinary words or parts of names
CONTEXT_RE = r"(?:kommune|kommunes|jobcenter|jobcentret|byråd|kommunalbestyrelse)"
COVER_WEIGHT = 6
MAX_MENTION_CHARS = 400_000
HEADER_WEIGHT = 2
COVERS_CUE_RE = re.compile(
    r"(varetage[rt]?\s+(?:også\s+)?(?:\w+\s+){0,2}(?:beskæftigelses)?indsats\w*|forpligtende\s+(?:kommunalt\s+)?samarbejde"
    r"[^.]{0,80}beskæftigelsesområdet|fælles\s+jobcenter|(?:beskæftigelses)?planen\s+(?:omfatter|dækker|gælder)"
    r"|jobcenter\s+\w+\s+dækker|(?:ledige|sygemeldte|borgere)\b[^.]{0,40}\bbegge\s+kommuner)", re.I)


def extract_metadata(doc: ParsedDocument) -> tuple[DocumentMeta, list[str]]:
    """(meta, warnings)."""
    warnings: list[str] = []
    cover = cover_lines(doc)
    headers = [ln for ln in doc.lines if LineFlag.HEADER in ln.flags or LineFlag.FOOTER in ln.flags]
    body = doc.content_lines()
    year = find_plan_year(cover, headers, body, warnings)
    muni = find_municipality(cover, headers, body, warnings, year)
    title = find_title(cover, body)
    if title is None:
        warnings.append("no title found on the cover")
    meta = DocumentMeta(
        municipality=muni.name if muni else None,
        municipality_code=muni.code if muni else None,
        also_covers=find_also_covers(muni, year, body) if muni else [],
        plan_year=year, title=title, is_draft=is_draft(cover, headers))
    return meta, warnings


def cover_lines(doc: ParsedDocument) -> list[Line]:
    """Content lines before the contents list or first section heading (at most the first
    two pages or 30 lines)."""
    content = doc.content_lines()
    out: list[Line] = []
    first_page = next((ln.page for ln in content if ln.page is not None), None)
    for ln in content[:30]:
        if re.match(r"^\W*(indhold|indholdsfortegnelse|forord|indledning)\b", ln.text, re.I):
            break
        if first_page is not None and ln.page is not None and ln.page > first_page + 1:
            break
        out.append(ln)
    return out


# ---------------------------------------------------------------- municipality
@lru_cache(maxsize=1)
def _mention_index() -> tuple[re.Pattern[str], dict[str, Municipality]]:
    """One pattern for every name and alias (longest first) and the municipality of each."""
    names: dict[str, Municipality] = {}
    for m in municipalities():
        for n in {m.name, *m.aliases}:
            if len(n) > 2:
                names[n.casefold()] = m
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\wæøå-])(?P<name>{alts})s?(?![\wæøå-])", re.I)
    return pattern, names


def municipality_mentions(text: str) -> Counter:
    """code → number of mentions. Names that are also common words ("Vejen", "Odder") count
    only next to "Kommune"/"Jobcenter"."""
    pattern, names = _mention_index()
    counts: Counter = Counter()
    for m in pattern.finditer(text[:MAX_MENTION_CHARS]):
        muni = names[m.group("name").casefold()]
        named_with_context = re.search(CONTEXT_RE, m.group("name"), re.I)
        if muni.name in AMBIGUOUS_NAMES and not named_with_context and not _in_context(text, m):
            continue
        counts[muni.code] += 1
    return counts


def _in_context(text: str, m: re.Match) -> bool:
    after = text[m.end():m.end() + 20]
    before = text[max(0, m.start() - 12):m.start()]
    return bool(re.match(rf"\s+{CONTEXT_RE}\b", after, re.I) or re.search(r"jobcenter(?:et)?\s+$", before, re.I))


def find_municipality(cover: list[Line], headers: list[Line], body: list[Line],
                      warnings: list[str], year: Optional[int] = None) -> Optional[Municipality]:
    scores: Counter = Counter()
    for ln in cover:
        for code, n in municipality_mentions(ln.text).items():
            scores[code] += COVER_WEIGHT * n
    header_texts = Counter(ln.text for ln in headers)
    for text in header_texts:
        for code, n in municipality_mentions(text).items():
            scores[code] += HEADER_WEIGHT * n
    body_counts = municipality_mentions("\n".join(ln.text for ln in body))
    for code, n in body_counts.items():
        scores[code] += min(n, 40)
    if not scores:
        warnings.append("municipality: no municipality named in the text")
        return None
    (best, top), *rest = scores.most_common(2) + [(None, 0)]
    runner_up, second = rest[0] if rest else (None, 0)
    if top >= 3 and top < 1.5 * second:
        lead = _jobcentre_lead(best, runner_up, cover, year)
        if lead is not None:
            return municipality_by_code(lead)
    if top < 3 or top < 1.5 * second:
        warnings.append(f"municipality: undecided between codes {best} ({top}) and {runner_up} ({second})")
        return None
    return municipality_by_code(best)


def _jobcentre_lead(a: int, b: Optional[int], cover: list[Line], year: Optional[int]) -> Optional[int]:
    """Two municipalities named about equally often in a shared jobcentre's plan: the plan is
    the jobcentre's, so the municipality whose jobcentre it is (catalogue, or "Jobcenter X" on
    the cover) is the one; the other is covered."""
    if b is None:
        return None
    for centre in jobcentres():
        if centre.lead_code in (a, b) and {a, b} <= set(centre.covered_codes) and centre.covers_year(year):
            return centre.lead_code
    named = {code for ln in cover for code in _jobcentre_named(ln.text)}
    return a if a in named and b not in named else b if b in named and a not in named else None


def _jobcentre_named(text: str) -> set[int]:
    codes = set()
    for m in re.finditer(r"jobcent(?:er|ret)\s+(\S+(?:[ -]\S+)?)", text, re.I):
        codes |= set(municipality_mentions(m.group(1)))
    return codes


def find_also_covers(muni: Municipality, year: Optional[int], body: list[Line]) -> list[str]:
    """Other municipalities the plan says it covers: a sentence naming one with a cue
    ("varetager … indsatsen for …", "forpligtende samarbejde … på beskæftigelsesområdet"),
    or one the jobcentre catalogue lists for this jobcentre in the plan year and the plan names."""
    text = " ".join(ln.text for ln in body)
    named = {code for code in municipality_mentions(text) if code != muni.code}
    covered: set[int] = set()
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if COVERS_CUE_RE.search(sentence):
            covered |= {c for c in municipality_mentions(sentence) if c != muni.code}
    for centre in jobcentres():
        if centre.lead_code == muni.code and centre.covers_year(year) and centre.confidence.startswith("confirmed"):
            covered |= {c for c in centre.covered_codes if c != muni.code and c in named}
    return sorted(municipality_by_code(c).name for c in covered if municipality_by_code(c))


# ---------------------------------------------------------------- plan year, title, draft
def find_plan_year(cover: list[Line], headers: list[Line], body: list[Line],
                   warnings: list[str]) -> Optional[int]:
    for group in (cover, headers):
        years = [int(m.group(1)) for ln in group for m in PLAN_YEAR_RE.finditer(ln.text)]
        if years:
            return Counter(years).most_common(1)[0][0]
    years = [int(m.group(1)) for ln in body[:400] for m in PLAN_YEAR_RE.finditer(ln.text)]
    if not years:
        warnings.append("plan_year: the text names no 'Beskæftigelsesplan <year>'")
        return None
    counts = Counter(years).most_common(2)
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        warnings.append(f"plan_year: undecided between {counts[0][0]} and {counts[1][0]}")
        return None
    return counts[0][0]


def find_title(cover: list[Line], body: list[Line]) -> Optional[str]:
    lines = [*cover, *body[:40]]
    for i, ln in enumerate(lines):
        if TITLE_RE.search(ln.text) and len(ln.text) < 200:
            return _clean_title(" ".join(x.text for x in _wrapped(lines, i)))
    if cover:
        biggest = max(cover, key=lambda ln: (ln.font_size or 0, ln.bold))
        return _clean_title(biggest.text)
    return None


def _wrapped(lines: list[Line], i: int) -> list[Line]:
    """A cover title set in a large font may wrap onto the next line in the same style."""
    out = [lines[i]]
    for nxt in lines[i + 1:i + 3]:
        if (nxt.font_size is None or nxt.font_size != out[-1].font_size or nxt.bold != out[-1].bold
                or nxt.para_start or nxt.page != out[-1].page):
            break
        out.append(nxt)
    return out


def _clean_title(text: str) -> str:
    text = TITLE_PREFIX_RE.sub("", text.strip())
    text = TITLE_CUT_RE.sub("", text)
    return " ".join(text.split()).strip(" -–:")


def is_draft(cover: list[Line], headers: list[Line]) -> bool:
    return any(DRAFT_RE.search(ln.text) for ln in [*cover, *headers])
