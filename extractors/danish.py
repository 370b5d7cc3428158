"""Danish numbers and quantities.

`parse_danish_number`: "1.288" → 1288, "74,3" → 74.3, "−0,5" (U+2212) → −0.5, "+ 2,9" → 2.9.
`find_quantities`: the quantities of a sentence, found by a spaCy `blank("da")` pipeline
with Matcher rules (the Danish tokenizer splits "74,3%" into "74,3" and "%"):
rank ("nr. 75 ud af 98"), percentage points, per cent, million kroner, full-time persons,
weeks, hours, persons and other counted things. Years, ranks' denominators, list numbers
("15:") and durations ("6 måneders ledighed") are not quantities of a target.
`parse_cell_value`: a table cell that holds one number (with an optional unit) → (value, unit).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

MINUS_RE = re.compile(r"[−–—]")
THOUSANDS_RE = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
SPACE_THOUSANDS_RE = re.compile(r"^[+-]?\d{1,3}(?: \d{3})+(?:,\d+)?$")      # "1 482" (a web page's &nbsp;)
SPACED_GROUP_RE = re.compile(r"(?<![\d.,])(\d{1,3})[ \u00a0\u202f](?=\d{3}(?!\d|[.,]\d))")
COMMA_DECIMAL_RE = re.compile(r"^[+-]?\d+(?:,\d+)?$")
POINT_DECIMAL_RE = re.compile(r"^[+-]?\d+\.\d+$")
NUMBER_WORDS = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9,
                "ti": 10, "elleve": 11, "tolv": 12, "femten": 15, "tyve": 20, "tredive": 30,
                "halvtreds": 50, "hundrede": 100}
PERSON_WORDS = ["personer", "person", "borgere", "borger", "flygtninge", "unge", "ledige", "kvinder", "mænd",
                "modtagere", "sygemeldte", "elever", "deltagere", "medarbejdere", "familiesammenførte",
                "dagpengemodtagere", "kontanthjælpsmodtagere", "ydelsesmodtagere", "indvandrere", "nyledige"]
# and every word for a group of people by its ending: "langtidsledige", "aktivitetsparate", "ydelsesmodtagere"
PERSON_WORD_RE = r"^(?:" + "|".join(PERSON_WORDS) + r"|\w+ledige|\w+modtagere|\w+parate|\w+sygemeldte|\w+pensionister)$"
PCT_WORDS = ["%", "pct", "pct.", "procent"]
PCT_POINT_WORDS = ["procentpoint", "procentpoints", "pct.point", "pct.-point", "pct-point", "%-point",
                   "procent-point", "pct.points", "%-point."]
DURATION_WORDS = ["måneder", "måned", "måneders", "år", "års", "dage", "dages", "dag", "uges", "kvartaler",
                  "arbejdsdage", "arbejdsdag", "hverdage", "hverdag"]
YEAR_RANGE = (1990, 2045)
SENTENCE_END_NUMBER_RE = re.compile(   # "… med mindst 15." is 15, not "15th"; "Tabel 4. Ledige" stays out
    r"\b(?:mindst|højst|minimum|maksimalt|med|til|på|være|udgør|udgøre|end|af|under|over|ca\.|omkring|"
    r"alt|kun|blot)\s+[-+−]?\d[\d.,]*?(?P<dot>\.)(?=\s+[A-ZÆØÅ]|\s*$)", re.I)
FUNCTION_WORDS = {"i", "på", "til", "af", "ved", "om", "inden", "for", "ud", "og", "eller", "end", "med", "fra",
                  "efter", "før", "under", "over", "per", "pr", "årligt", "om året"}
UNIT_WORDS = {
    "pct": PCT_WORDS, "pct_points": PCT_POINT_WORDS, "weeks": ["uger", "uge", "ugers"],
    "hours": ["timer", "time", "timers"], "persons": PERSON_WORDS,
}


def normalise_minus(text: str) -> str:
    return MINUS_RE.sub("-", text)


def parse_danish_number(text: str) -> Optional[float]:
    """A number in Danish notation, or None. A dot followed by three digits groups thousands."""
    s = normalise_minus(text).strip().replace("\u00a0", " ")
    s = re.sub(r"^([+-])\s+", r"\1", s)
    s = s.rstrip("%").strip()
    if THOUSANDS_RE.match(s):
        return float(s.replace(".", "").replace(",", "."))
    if SPACE_THOUSANDS_RE.match(s):
        return float(s.replace(" ", "").replace(",", "."))
    if COMMA_DECIMAL_RE.match(s):
        return float(s.replace(",", "."))
    if POINT_DECIMAL_RE.match(s):
        return float(s)
    return None


def number_word_value(word: str) -> Optional[float]:
    value = NUMBER_WORDS.get(word.casefold())
    return None if value is None else float(value)


# ---------------------------------------------------------------- table cells
CELL_RE = re.compile(
    r"^\s*(?P<num>[+-]?\s*\d{1,3}(?: \d{3})+(?:,\d+)?|[+-]?\s*\d[\d.]*(?:,\d+)?)\s*"
    r"(?P<unit>%|pct\.?\s*point|pct\.?|procentpoint|procent|uger|timer|mio\.?\s*kr\.?|mia\.?\s*kr\.?|kr\.?)?"
    r"(?:\s+af\s+\S+)?\s*[.*]?\s*$", re.I)
CELL_UNITS = {"%": "pct", "pct": "pct", "pct.": "pct", "procent": "pct", "procentpoint": "pct_points",
              "uger": "weeks", "timer": "hours"}


def parse_cell_value(text: str) -> Optional[tuple[float, Optional[str]]]:
    """(value, unit) when a table cell holds one number, else None ("-", words, ranges)."""
    m = CELL_RE.match(normalise_minus(text))
    if not m:
        return None
    value = parse_danish_number(m.group("num"))
    if value is None:
        return None
    unit = m.group("unit") or ""
    return (value * 1000 if unit.casefold().startswith("mia") else value), _cell_unit(unit)


def _cell_unit(unit: Optional[str]) -> Optional[str]:
    if not unit:
        return None
    u = re.sub(r"\s+", "", unit.casefold())
    if "point" in u:
        return "pct_points"
    if u.startswith(("mio", "mia")):
        return "dkk_million"
    return CELL_UNITS.get(u, CELL_UNITS.get(u.rstrip(".")))


def is_year(value: float, text: str) -> bool:
    """A year, also with a footnote mark ("2013*", "2020¹") or as a period ("2019/20")."""
    return (value.is_integer() and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]
            and re.fullmatch(r"\d{4}(?:\s*[*†¹²³]+|/\d{2})?", text.strip()) is not None)


# ---------------------------------------------------------------- quantities in sentences
@dataclass
class Quantity:
    value: float
    unit: Optional[str]
    start: int          # character offsets in the text
    end: int
    text: str
    in_parentheses: bool = False


@lru_cache(maxsize=1)
def pipeline():
    """spaCy blank Danish pipeline and the quantity Matcher, built once per process."""
    import spacy
    from spacy.matcher import Matcher
    nlp = spacy.blank("da")
    matcher = Matcher(nlp.vocab)
    num = {"LIKE_NUM": True}
    sign = {"TEXT": {"IN": ["+", "-"]}, "OP": "?"}
    word_num = {"LOWER": {"IN": list(NUMBER_WORDS)}}
    matcher.add("rank", [[{"LOWER": {"IN": ["nr.", "nr", "nummer", "plads"]}}, num,
                          {"LOWER": "ud", "OP": "?"}, {"LOWER": "af", "OP": "?"}, {"LIKE_NUM": True, "OP": "?"}]])
    matcher.add("pct_points", [[sign, num, {"LOWER": {"IN": PCT_POINT_WORDS}}],
                               [sign, num, {"LOWER": {"IN": ["pct.", "pct", "%"]}}, {"LOWER": {"IN": ["point", "points", "-point"]}}]])
    matcher.add("pct", [[sign, num, {"LOWER": {"IN": PCT_WORDS}}]])
    matcher.add("dkk_million", [[sign, num, {"LOWER": {"IN": ["mio.", "mio", "millioner", "mia.", "mia", "milliarder"]}},
                                 {"LOWER": {"IN": ["kr.", "kr", "kroner"]}}]])
    matcher.add("full_time_persons", [[sign, num, {"LOWER": {"REGEX": r"^(fuldtids|helårs)"}}]])
    matcher.add("weeks", [[num, {"LOWER": {"IN": UNIT_WORDS["weeks"]}}]])
    matcher.add("hours", [[num, {"LOWER": {"IN": UNIT_WORDS["hours"]}}]])
    matcher.add("duration", [[num, {"LOWER": {"IN": DURATION_WORDS}}], [word_num, {"LOWER": {"IN": DURATION_WORDS}}]])
    person = {"LOWER": {"REGEX": PERSON_WORD_RE}}
    matcher.add("persons", [[num, {"IS_ALPHA": True, "OP": "?"}, person], [word_num, person]])
    matcher.add("count", [[sign, num, {"IS_ALPHA": True, "OP": "?"}, {"IS_ALPHA": True}],
                          [word_num, {"IS_ALPHA": True, "LENGTH": {">=": 4}}]])
    matcher.add("bare", [[sign, num]])
    return nlp, matcher


PRIORITY = ["rank", "pct_points", "dkk_million", "pct", "full_time_persons", "weeks", "hours", "duration",
            "persons", "count", "bare"]


def find_quantities(text: str) -> list[Quantity]:
    """Quantities in reading order; years, durations, list numbers and rank denominators excluded."""
    nlp, matcher = pipeline()
    clean = _drop_sentence_end_dots(SPACED_GROUP_RE.sub(r"\1.", normalise_minus(text)))   # "1 450" → "1.450"
    doc = nlp(clean)
    spans = _best_spans(doc, matcher(doc))
    out = []
    for label, start, end in spans:
        q = _to_quantity(doc, label, start, end, clean, text)
        if q is not None:
            out.append(q)
    return out


def _best_spans(doc, matches) -> list[tuple[str, int, int]]:
    """Non-overlapping matches: the most specific label first, then the longest."""
    nlp, _ = pipeline()
    ranked = sorted(matches, key=lambda m: (PRIORITY.index(nlp.vocab.strings[m[0]]), -(m[2] - m[1]), m[1]))
    taken: set[int] = set()
    out = []
    for match_id, start, end in ranked:
        number_token = _number_token(doc, start, end)
        if number_token is None or number_token in taken:
            continue
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        out.append((nlp.vocab.strings[match_id], start, end))
    return sorted(out, key=lambda s: s[1])


def _number_token(doc, start: int, end: int) -> Optional[int]:
    return next((i for i in range(start, end)
                 if parse_danish_number(doc[i].text) is not None or doc[i].lower_ in NUMBER_WORDS), None)


def _drop_sentence_end_dots(text: str) -> str:
    """A space for the full stop after a sentence-final number; same length, so offsets hold."""
    chars = list(text)
    for m in SENTENCE_END_NUMBER_RE.finditer(text):
        chars[m.start("dot")] = " "
    return "".join(chars)


def _to_quantity(doc, label: str, start: int, end: int, text: str, original: str) -> Optional[Quantity]:
    if label == "duration":
        return None
    i = _number_token(doc, start, end)
    token = doc[i]
    value = parse_danish_number(token.text)
    if value is None:
        value = number_word_value(token.text)   # "fire samtaler"; spaCy's like_num also says yes to "første"
    if value is None:
        return None
    if i > start and (_is_sign(doc, i - 1) or original[doc[i - 1].idx] == "−"):   # U+2212 is always a minus
        value = -value
    if label in ("count", "bare") and (is_year(value, token.text) or _is_list_number(doc, i)):
        return None
    unit = {"bare": "count"}.get(label, label)
    if unit == "count":
        unit = _counted_unit(doc, i) or unit
    if label == "dkk_million" and doc[i + 1].lower_.startswith("mia"):
        value *= 1000
    span = doc[start:end]
    return Quantity(value=value, unit=unit, start=span.start_char, end=span.end_char, text=span.text,
                    in_parentheses=_in_parentheses(text, span.start_char))


def _is_sign(doc, i: int) -> bool:
    """A dash is a minus only when it touches the number and is not a range dash
    ("−2,5" and "-3" are negative; "2019 – 25 %" and "20-25" are not)."""
    if doc[i].text != "-" or doc[i].whitespace_:
        return False
    return i == 0 or not (doc[i - 1].like_num and not doc[i - 1].whitespace_)


def _counted_unit(doc, i: int) -> Optional[str]:
    """A bare number in a sentence about "antallet af borgere/personer …" counts persons;
    about "antallet af fuldtidspersoner …", full-time persons."""
    before = doc[max(0, i - 45):i].text.casefold()
    m = re.search(r"antal(?:let)?\s+(?:af\s+)?(\w+)", before)
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if not m or (nxt.isalpha() and nxt not in FUNCTION_WORDS):
        return None
    if re.match(r"^(?:fuldtids|helårs)", m.group(1)):
        return "full_time_persons"
    return "persons" if re.match(PERSON_WORD_RE, m.group(1)) else None


def _is_list_number(doc, i: int) -> bool:
    """'15:' or '3)' opening a sentence is a list number, not a quantity."""
    nxt = doc[i + 1].text if i + 1 < len(doc) else ""
    return nxt in (":", ")") and (i == 0 or doc[i - 1].text in (":", "(", "-"))


def _in_parentheses(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("(") > before.count(")")
