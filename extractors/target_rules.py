"""What one target says: value and unit, direction, comparator, year and baseline.

Value: the first quantity (spaCy Matcher rules in `danish.find_quantities`) that is not a
baseline — not in parentheses ("(Nr. 77 i 2017)"), not the X of "fra X til Y" — so a change
stated before its equivalent level wins ("fald på 2,6 % svarende til … 2.463").

Direction: the first rule that applies, most specific first —
at_level_with ("på niveau med", "svare til landsgennemsnittet"), at_most ("maksimalt",
"højst", "ikke flere … end", "mindre end"), at_least ("mindst", "minimum", "min."),
below / above (under / over / lavere end / højere end / bedre end a comparison level),
maintain ("fastholdes", "fastholdelse af", "vedligeholdes", "bevare"),
decrease ("fald", "nedbringe", "reduktion", "reduceres", "færre"),
increase ("stigning", "øge", "øget", "hæve", "flere", "stigende", "forbedre"),
reach (a number the target "skal være" / "udgøre" / establishes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extractors.danish import find_quantities

COMPARISON = r"(?:lands|regions|kommune)?gennemsnit\w*|lands-|regions-|landsplan|hele\s+landet|region\s+\w+|niveau\w*|andelen\s+i"
DIRECTION_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("at_level_with", re.compile(r"på\s+niveau\s+(?:med|som)|svare(?:r|nde)?\s+til\s+(?:lands|regions)?gennemsnit|"
                                 r"svare(?:r|nde)?\s+til\s+(?:niveauet|andelen|udviklingen)\s+i", re.I)),
    ("at_most", re.compile(r"\bmaksimalt\b|\bhøjst\b|ikke\s+(?:\w+\s+){0,2}(?:flere|mere|højere)\b[^.]{0,60}\bend\b|"
                           r"\bmindre\s+end\b|\bmax\.", re.I)),
    ("at_least", re.compile(r"\bmindst\b|\bminimum\b|\bmin\.|som\s+minimum|ikke\s+under\b", re.I)),
    ("below", re.compile(rf"\bunder\s+(?:{COMPARISON})|\blavere\s+end\b|\bskal\b[^.]{{0,40}}\bunder\s+\d|^\s*under\s+\d", re.I)),
    ("above", re.compile(rf"\bover\s+(?:{COMPARISON})|\bhøjere\s+end\b|\bbedre\s+end\b|\bskal\b[^.]{{0,40}}\bover\s+\d|^\s*over\s+\d", re.I)),
    ("maintain", re.compile(r"\bfasthold(?:es|e|t)\b(?!\s+(?:på\s+arbejdsmarkedet|i\s+(?:job|beskæftigelse|arbejde)))|"
                            r"\bfastholdelse\s+af\b|\bvedligehold(?:es|e)\b|\bbevar(?:e|es)\b|\buændret\b", re.I)),
    ("decrease", re.compile(r"\bfald\b|\bfalde\b|\bnedbring\w*|\breduktion\w*|\breducer\w*|\bfærre\b|\bmindsk\w*|"
                            r"\bbegrænse\w*", re.I)),
    ("increase", re.compile(r"\bstigning\w*|\bstige\b|\bøge[st]?\b|\bøgning\b|\bhæve[s]?\b|\bflere\b|\bstigende\b|"
                            r"\bforbedre[sr]?\b|\budvide[s]?\b", re.I)),
]
REACH_RE = re.compile(r"\bskal\s+(?:\w+\s+){0,3}?(?:være|udgøre|nå)\b|\budgør\w*\b|\betablering\s+af\b|\betablere\b", re.I)
COMPARATOR_RE = re.compile(
    r"(lands-\s+og\s+regionsgennemsnittet|landsgennemsnittet|regionsgennemsnittet|gennemsnittet\s+for\s+region\s+[A-ZÆØÅ]\w+|"
    r"(?-i:Region\s+[A-ZÆØÅ]\w+)|hele\s+landet|landsplan|niveauet\s+for\s+\d{4}|tallet\s+for\s+\d{4})", re.I)
RELATIVE_YEAR_RE = re.compile(r"(?:i\s+forhold\s+til|end\s+i|sammenlignet\s+med)\s+(\d{4})", re.I)
NOT_TARGET_YEAR_RE = re.compile(r"\b(?:i\s+forhold\s+til|sammenlignet\s+med|end(?:\s+i)?|fra|siden)\s+(?:19|20)\d\d\b", re.I)
TARGET_YEAR_RE = re.compile(r"\b(?:i|ved\s+udgangen\s+af|i\s+løbet\s+af|inden\s+udgangen\s+af|frem\s+mod|til)\s+"
                            r"((?:19|20)\d\d)\b", re.I)
QUALIFIER_RE = re.compile(r"\s*(?:over|under)\b", re.I)   # "Over 26 uger skal højst 10 % …": which cases, not the level
OPENING_BOUND_RE = re.compile(r"\s*(?:mindst|højst|maksimalt|minimum|maks\.|max\.|min\.|under|over|op\s+til)?\s*", re.I)
FROM_TO_RE = re.compile(r"\bfra\s+(?P<from>[-+−]?\d[\d.,]*\s*(?:%|pct\.?|procent|\w+)?|[^,;]{1,40}?)\s+til\s+"
                        r"(?:mindst\s+|højst\s+|minimum\s+|maksimalt\s+|ca\.\s+|over\s+|under\s+)?(?P<to>[-+−]?\d)", re.I)


@dataclass
class TargetDescription:
    value: Optional[float]
    unit: Optional[str]
    direction: Optional[str]
    comparator: Optional[str]
    year: Optional[int]
    baseline_text: Optional[str]


def describe_target(text: str, default_year: Optional[int] = None, context: Optional[str] = None) -> TargetDescription:
    """Parse one target. `context` (e.g. the goal cell of a table row) lends its direction
    and comparator when the target's own text states none."""
    quantity = _value(text)
    direction = direction_of(text, has_number=quantity is not None)
    comparator = comparator_of(text)
    if context and quantity is not None:      # a level without a direction borrows the goal's
        direction = direction or direction_of(context, has_number=False)
        comparator = comparator or comparator_of(context)
    return TargetDescription(
        value=quantity.value if quantity else None, unit=quantity.unit if quantity else None,
        direction=direction, comparator=comparator, year=target_year_of(text) or default_year,
        baseline_text=baseline_of(text))


def _value(text: str):
    """The level the target sets: a quantity the target opens with ("Mindst 70 % af … skal
    besvares inden for to dage"), else in its first sentence the first quantity after "skal"
    (or "må", "bør": so "forløb over 22 uger skal være under 25 %" gives 25), else that sentence's first
    quantity, else the first quantity at all — never a baseline."""
    quantities = [q for q in find_quantities(text) if not q.in_parentheses and not _in_from_part(text, q)]
    if not quantities:
        return None
    first_end = _first_sentence_end(text)
    in_first = [q for q in quantities if q.start < first_end]
    modal = re.search(r"\b(?:skal|må|bør)\b", text[:first_end])
    opening = [q for q in in_first if OPENING_BOUND_RE.fullmatch(text[:q.start])
               and not (modal and q.unit == "weeks" and QUALIFIER_RE.match(text[:q.start]))]
    after = [q for q in in_first if modal and q.start > modal.start()]
    return (opening or after or in_first or quantities)[0]


def _in_from_part(text: str, q) -> bool:
    m = FROM_TO_RE.search(text)
    return bool(m) and m.start("from") <= q.start < m.end("from")


def _first_sentence_end(text: str) -> int:
    m = re.search(r"(?<!\bnr)(?<!\bca)(?<!\bmin)(?<!\bpct)\.\s+(?=[A-ZÆØÅ])", text)
    return m.start() if m else len(text)


def direction_of(text: str, has_number: Optional[bool] = None) -> Optional[str]:
    for name, pattern in DIRECTION_RULES:
        if pattern.search(text):
            return name
    if has_number is None:
        has_number = bool(find_quantities(text))
    return "reach" if has_number and REACH_RE.search(text) else None


def comparator_of(text: str) -> Optional[str]:
    m = COMPARATOR_RE.search(text)
    if m:
        return " ".join(m.group(1).split())
    m = RELATIVE_YEAR_RE.search(text)
    return m.group(1) if m else None


def target_year_of(text: str) -> Optional[int]:
    """The last year the target is to be reached by; years it is compared with
    ("i forhold til 2018", "end i 2019", "fra 2020") are not target years."""
    years = [int(y) for y in TARGET_YEAR_RE.findall(NOT_TARGET_YEAR_RE.sub(" ", text))]
    return years[-1] if years else None


def baseline_of(text: str) -> Optional[str]:
    m = re.search(r"\(([^)]*\d[^)]*)\)", text)
    if m and re.search(r"\bnr\.|\d+\s*%|\d{4}", m.group(1), re.I):
        return m.group(1).strip()
    m = FROM_TO_RE.search(text)
    return m.group("from").strip() if m else None
