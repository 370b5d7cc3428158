"""Cleaning: flag what is not the plan's text, and repair line-end hyphenation.

Flag, don't delete. In this order:
1. running headers and footers: lines in a page's top or bottom margin that repeat (digits
   masked) on many pages;
2. page numbers: "Side 3 af 13", "3", "- 3 -" in a margin;
3. a web page's "Relaterede dokumenter" list and site boilerplate before a "Transkript:";
4. junk before the plan starts: front-matter lines that share no vocabulary with the plan
   (OCR of a label, a stamp) and are not title, draft or municipality words;
then hyphenation at line ends is repaired inside paragraphs, and paragraph starts are fixed
at page breaks.
"""
from __future__ import annotations

import re
from collections import Counter

from extractors.boxes import unbox_text_tables
from extractors.wording import CHAPTER_WORDS, GOAL_LABELS
from models.document import Line, LineFlag, ParsedDocument

MARGIN_FRACTION = 0.09
MIN_REPEAT_PAGES = 3
REPEAT_SHARE = 0.5
PAGE_NUMBER_RE = re.compile(
    r"^(?:side\s+\d+(?:\s*(?:af|/)\s*\d+)?|\d{1,4}|[-–]\s*\d{1,4}\s*[-–]|\d{1,4}\s*(?:af|/)\s*\d{1,4}|page\s+\d+(?:\s+of\s+\d+)?)$",
    re.IGNORECASE)
RELATED_RE = re.compile(r"^\W*(relaterede\s+dokumenter|related\s+documents|se\s+også)\W*$", re.I)
TRANSCRIPT_RE = re.compile(r"^\W*(transskript|transkript|transcript)(ion)?\s*:?\s*$", re.I)
PROTECTED_RE = re.compile(
    r"besk(æ|ae)ftigelse|jobcent|kommune|plan|udkast|skitse|godkendt|byråd|indhold|"
    r"forord|indledning|\b(19|20)\d\d\b|region|kvartal|mål", re.I)
WORD_RE = re.compile(r"[A-Za-zÆØÅæøåÄÖÜäöüé]{3,}")
MAX_RUNNING_CHARS = 120    # a running header or footer is one short line
PREFIX_WORDS = 2            # a running header's fixed start ("Beskæftigelsesplan 2019–2020")
MIN_PREFIX_CHARS = 12
COMPOUND_TAIL = {"og", "eller", "til", "samt", "and", "or"}


def clean_document(doc: ParsedDocument) -> ParsedDocument:
    """Run every cleaning step on `doc` in place and return it."""
    flag_running_headers(doc)
    flag_page_numbers(doc)
    flag_related_documents(doc)
    flag_front_matter_noise(doc)
    repair_hyphenation(doc)
    fix_page_break_paragraphs(doc)
    unbox_text_tables(doc)
    join_goal_labels(doc)
    return doc


# ---------------------------------------------------------------- headers, footers, page numbers
def _margin_zone(line: Line, heights: dict[int, float]) -> str | None:
    if line.bbox is None or line.page is None:
        return None
    height = heights.get(line.page)
    if not height:
        return None
    if line.bbox[3] <= height * MARGIN_FRACTION:
        return "top"
    if line.bbox[1] >= height * (1 - MARGIN_FRACTION):
        return "bottom"
    return None


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold()).strip()


def flag_running_headers(doc: ParsedDocument) -> None:
    heights = {p.number: p.height or 0.0 for p in doc.pages}
    pages = len(doc.pages)
    if pages < 2:
        return
    zoned = [(ln, _margin_zone(ln, heights)) for ln in doc.lines]
    counts = Counter((zone, _mask(ln.text)) for ln, zone in zoned if zone)
    pages_with = {key: len({ln.page for ln, z in zoned if z and (z, _mask(ln.text)) == key})
                  for key in counts}
    needed = max(2, min(MIN_REPEAT_PAGES, pages - 1), int(pages * REPEAT_SHARE))
    for ln, zone in zoned:
        if zone and pages_with[(zone, _mask(ln.text))] >= needed:
            ln.flags.add(LineFlag.HEADER if zone == "top" else LineFlag.FOOTER)
    _flag_headers_by_prefix(zoned, needed)
    _flag_transcript_running_lines(doc, needed)


def _flag_transcript_running_lines(doc: ParsedDocument, needed: int) -> None:
    """In a paged transcript (form feeds, page markers) there are no margins to see: the
    first and last lines of the pages are a running header and footer when the same text
    stands there on enough pages."""
    by_page: dict[int, list[Line]] = {}
    for ln in doc.lines:
        if ln.bbox is None and ln.page is not None and ln.is_content:
            by_page.setdefault(ln.page, []).append(ln)
    for pick, flag in ((0, LineFlag.HEADER), (-1, LineFlag.FOOTER)):
        ends = [lines[pick] for lines in by_page.values() if lines]
        counts = Counter(_mask(ln.text) for ln in ends)
        for ln in ends:
            if counts[_mask(ln.text)] >= needed and len(ln.text) <= MAX_RUNNING_CHARS:
                ln.flags.add(flag)


def _flag_headers_by_prefix(zoned: list[tuple[Line, str | None]], needed: int) -> None:
    """A running header whose end changes with the chapter ("Beskæftigelsesplan 2019–2020
    Indledning", "… Arbejdsmarkedet"): the same first words at the same margin on enough pages."""
    def key(ln: Line, zone: str) -> tuple[str, str]:
        return zone, " ".join(_mask(ln.text).split()[:PREFIX_WORDS])
    candidates = [(ln, z) for ln, z in zoned if z and not ln.flags and len(ln.text.split()) > PREFIX_WORDS]
    pages_with: dict[tuple[str, str], set] = {}
    for ln, z in candidates:
        pages_with.setdefault(key(ln, z), set()).add(ln.page)
    for ln, z in candidates:
        k = key(ln, z)
        if len(k[1]) >= MIN_PREFIX_CHARS and len(pages_with[k]) >= needed:
            ln.flags.add(LineFlag.HEADER if z == "top" else LineFlag.FOOTER)


def flag_page_numbers(doc: ParsedDocument) -> None:
    heights = {p.number: p.height or 0.0 for p in doc.pages}
    for ln in doc.lines:
        if PAGE_NUMBER_RE.match(ln.text.strip()) and (ln.bbox is None or _margin_zone(ln, heights)):
            if ln.bbox is not None or ln.text.strip().lower().startswith("side"):
                ln.flags.add(LineFlag.PAGE_NUMBER)


# ---------------------------------------------------------------- web-page junk
def flag_related_documents(doc: ParsedDocument) -> None:
    """A web page's related-documents list (and anything before a 'Transkript:' line)."""
    lines = doc.lines
    transcript = next((i for i, ln in enumerate(lines) if TRANSCRIPT_RE.match(ln.text)), None)
    related = next((i for i, ln in enumerate(lines[:400]) if RELATED_RE.match(ln.text)), None)
    if transcript is not None and (related is None or related < transcript):
        for ln in lines[: transcript + 1]:
            _flag(ln, LineFlag.NOISE, "web page before the transcript")
        _drop_tables_before(doc, transcript + 1)
        return
    if related is not None:
        end = _end_of_title_list(lines, related + 1)
        for ln in lines[related:end]:
            _flag(ln, LineFlag.NOISE, "related-documents list")


def _end_of_title_list(lines: list[Line], start: int) -> int:
    """The related list runs while lines are short, title-like and not sentences."""
    i = start
    while i < len(lines):
        text = lines[i].text.strip()
        if len(text) > 160 or re.search(r"[a-zæøå]\.\s+[A-ZÆØÅ]", text) and len(text) > 90:
            break
        i += 1
    return i


def _drop_tables_before(doc: ParsedDocument, line_no: int) -> None:
    doc.tables = [t for t in doc.tables if t.anchor_line >= line_no]
    for i, t in enumerate(doc.tables):
        t.table_no = i


# ---------------------------------------------------------------- junk before the plan starts
def flag_front_matter_noise(doc: ParsedDocument) -> None:
    """Lines before the plan's first heading or contents list that share no words with the
    plan and are not title, draft or municipality words: OCR of a label, a stamp, a logo."""
    content = [ln for ln in doc.lines if ln.is_content]
    front_end = _front_matter_end(content)
    if front_end == 0:
        return
    body_vocab = _vocabulary(content[front_end:])
    if len(body_vocab) < 150:
        return      # too little text to tell junk from plan
    for prev, ln in zip([None, *content[:front_end]], content[:front_end]):
        if _continues_sentence(prev, ln):
            continue
        if _is_foreign_to(ln.text, body_vocab):
            _flag(ln, LineFlag.NOISE, "front-matter junk (no words shared with the plan)")


def _front_matter_end(content: list[Line]) -> int:
    """Where the plan proper starts: its contents list, foreword or introduction, a heading
    after the title, or the second page. 0 (no front matter) when none is seen early on."""
    limit = min(len(content), 60)
    first_page = next((ln.page for ln in content if ln.page is not None), None)
    for i, ln in enumerate(content[:limit]):
        text = ln.text.strip().lstrip("#").strip()
        if re.match(r"^(indhold|indholdsfortegnelse|forord|indledning|resum[eé])\b", text, re.I):
            return i
        if i > 0 and ln.heading_level:
            return i
        if first_page is not None and ln.page is not None and ln.page > first_page + 1:
            return i
    return 0


def _continues_sentence(prev: Line | None, line: Line) -> bool:
    """A line that carries on the sentence above it ("… som" / "voksen.") is never junk."""
    if prev is None or not prev.is_content:
        return False
    return not prev.text.rstrip().endswith((".", ":", "!", "?")) and line.text[:1].islower()


def _vocabulary(lines: list[Line]) -> set[str]:
    vocab: set[str] = set()
    for ln in lines:
        vocab.update(w.casefold() for w in WORD_RE.findall(ln.text))
    return vocab


def _is_foreign_to(text: str, vocab: set[str]) -> bool:
    if PROTECTED_RE.search(text):
        return False
    words = [w.casefold() for w in WORD_RE.findall(text)]
    if not words:
        return bool(re.search(r"\d", text)) and len(text) < 40
    from models.catalogues import municipalities
    names = {n.casefold() for m in municipalities() for n in (m.name, *m.aliases)}
    if any(w in names for w in words):
        return False
    shared = sum(1 for w in words if w in vocab)
    return shared / len(words) < 0.34


def _flag(line: Line, flag: LineFlag, reason: str) -> None:
    line.flags.add(flag)
    line.flag_reason = line.flag_reason or reason


# ---------------------------------------------------------------- hyphenation
def join_hyphenated(left: str, right: str) -> str:
    """Join two wrapped lines. A line-end hyphen inside a word is removed ("beskæftigelses-"
    + "indsatsen"); a compound's own hyphen is kept ("A-" + "dagpenge", "social-" + "og")."""
    left = left.rstrip()
    right = right.lstrip()
    if not left.endswith(("-", "\u00ad")) or len(left) < 2 or not left[-2].isalpha():
        return f"{left} {right}" if left else right
    if left.endswith("\u00ad"):
        return left[:-1] + right
    head = re.search(r"(\S+)-$", left).group(1)
    first = right.split(" ", 1)[0]
    if _keeps_hyphen(head, first):
        return left + right if first.split("-")[0].lower() not in COMPOUND_TAIL else f"{left} {right}"
    return left[:-1] + right


def _keeps_hyphen(head: str, tail: str) -> bool:
    word = re.sub(r"[^\wæøåÆØÅ]", "", tail)
    if not word:
        return True
    if word.lower() in COMPOUND_TAIL:
        return True       # "social- og beskæftigelsesområdet"
    if word[0].isupper() or word[0].isdigit():
        return True       # "Nord-Norge", "covid-19"
    letters = re.sub(r"[^\wæøåÆØÅ]", "", head)
    return len(letters) <= 1 or letters.isupper() or any(ch.isdigit() for ch in letters)   # "a-", "IGU-", "6-"


def repair_hyphenation(doc: ParsedDocument) -> None:
    """Move the second half of a word hyphenated at a line end up to the first line, inside
    a paragraph (PDF lines, and transcripts that kept the PDF's line breaks)."""
    if doc.format == "html":
        return
    content = [ln for ln in doc.lines if ln.is_content]
    for prev, ln in zip(content, content[1:]):
        if not prev.text.endswith(("-", "\u00ad")) or ln.para_start:
            continue
        first, _, rest = ln.text.partition(" ")
        joined = join_hyphenated(prev.text, first)
        if " " in joined[len(prev.text) - 1:]:
            continue  # the hyphen was kept as a compound's and the words stay apart
        prev.text = joined
        ln.text = rest
    doc.lines = [ln for ln in doc.lines if ln.text.strip() or ln.flags]
    _reanchor_tables(doc)


def _reanchor_tables(doc: ParsedDocument) -> None:
    index = {id(ln): i for i, ln in enumerate(doc.lines)}
    old = {t.table_no: t.anchor_line for t in doc.tables}
    if len(index) == sum(1 for _ in doc.lines) and all(ln.line_no == i for i, ln in enumerate(doc.lines)):
        return
    old_numbers = [ln.line_no for ln in doc.lines]
    for table in doc.tables:
        table.anchor_line = next((i for i, n in enumerate(old_numbers) if n >= old[table.table_no]),
                                 len(doc.lines))
    doc.renumber()


# ---------------------------------------------------------------- goal labels above headings
GOAL_LABEL_LINE_RE = re.compile(rf"^\s*(?:{GOAL_LABELS})\s*(?:nr\.?\s*)?(?:\d{{1,2}}|[A-Z])?\s*[:.]?\s*$", re.I)
CHAPTER_LINE_RE = re.compile(rf"^\s*(?:{CHAPTER_WORDS})\s+\d{{1,2}}\.?\s*$", re.I)


def join_goal_labels(doc: ParsedDocument) -> None:
    """A small label line over a heading ("MINISTERMÅL 1" / "Alle ledige skal have en
    værdig sagsbehandling", "Kapitel 2" / "Arbejdsmarkedet") becomes the heading's prefix
    ("MINISTERMÅL 1: Alle …", "Kapitel 2 Arbejdsmarkedet"), as plans more often print it
    on one line."""
    content = [ln for ln in doc.lines if ln.is_content]
    joined = set()
    for label, heading in zip(content, content[1:]):
        text = heading.text.strip()
        goal, chapter = GOAL_LABEL_LINE_RE.match(label.text), CHAPTER_LINE_RE.match(label.text)
        if (goal or chapter) and not (GOAL_LABEL_LINE_RE.match(text) or CHAPTER_LINE_RE.match(text)) \
                and len(text) <= 160 and text[:1].isupper() and not text.endswith((":", ".")) \
                and label.page == heading.page and id(label) not in joined:
            heading.text = f"{label.text.strip().rstrip(':.')}{': ' if goal else ' '}{text}"
            joined.add(id(label))
    if joined:
        doc.lines = [ln for ln in doc.lines if id(ln) not in joined]
        _reanchor_tables(doc)


# ---------------------------------------------------------------- paragraph starts at page breaks
LIST_START_RE = re.compile(r"^\s*([•▪■●◦○–\-*+➢►✓]|o\s|\d{1,2}[.)]\s|[a-z][.)]\s)")


def fix_page_break_paragraphs(doc: ParsedDocument) -> None:
    """The first content line of a page or column continues the paragraph before the break
    unless the previous line ended a sentence or stopped short of the right margin, or the
    line starts a list item or is set in another style."""
    right = _right_edges(doc)
    prev: Line | None = None
    for ln in doc.lines:
        if not ln.is_content:
            continue
        if prev is not None and ln.page is not None and (ln.page != prev.page or ln.column != prev.column):
            size_same = (ln.font_size or 0) == (prev.font_size or 0) and ln.bold == prev.bold
            ln.para_start = (prev.text.rstrip().endswith((".", ":", "!", "?"))
                             or bool(LIST_START_RE.match(ln.text)) or not size_same
                             or _stops_short(prev, right))
        prev = ln


def _right_edges(doc: ParsedDocument) -> dict[tuple, tuple[float, float]]:
    """(page, column) → (left, right) text edges."""
    edges: dict[tuple, tuple[float, float]] = {}
    for ln in doc.lines:
        if ln.is_content and ln.bbox:
            key = (ln.page, ln.column)
            left, right = edges.get(key, (ln.bbox[0], ln.bbox[2]))
            edges[key] = (min(left, ln.bbox[0]), max(right, ln.bbox[2]))
    return edges


def _stops_short(line: Line, edges: dict[tuple, tuple[float, float]]) -> bool:
    if not line.bbox or (line.page, line.column) not in edges:
        return False
    left, right = edges[(line.page, line.column)]
    return line.bbox[2] < right - 0.15 * (right - left)


# ---------------------------------------------------------------- flattened transcripts
FLATTENED_MIN_CHARS = 400      # once flattened, lines longer than this are split
FLATTENED_LONG_CHARS = 600     # a line this long is a page or more of running text …
FLATTENED_LONG_SHARE = 0.6     # … and a document with this share of its text in such lines is flattened
ABBREVIATIONS = {"bl.a", "f.eks", "pct", "nr", "ca", "mv", "jf", "pga", "evt", "inkl", "ekskl",
                 "kr", "mio", "mia", "hhv", "ift", "mht", "dvs", "fx", "pt", "ang", "vedr", "m.m",
                 "osv", "ml", "st", "tlf", "jan", "feb", "aug", "sep", "okt", "nov", "dec", "kvt",
                 "mhp", "etc", "gr", "s", "d"}
TOC_REF_RE = re.compile(r"\bSide\s+\d{1,3}\b(?!\s*af)")
SENTENCE_END_RE = re.compile(r"(?<=[\wæøåÆØÅ)\"”’%][.!?])\s+(?=[A-ZÆØÅ\"“])")
INLINE_SUBHEADING_RE = re.compile(
    r"\s(?=\d{1,2}\.\d{1,2}\.?\s+[A-ZÆØÅ]|(?:Ministerens mål|Ministermål|Beskæftigelsesmål)\s+\d{1,2}\s*[:\-–]\s)")
LAST_WORD_RE = re.compile(r"([\wæøåÆØÅ.]+)[.!?]$")
ORDINAL_END_RE = re.compile(r"\b\d{1,2}\.$")
INLINE_ACTION_CUE_RE = re.compile(   # "Vi vil: Gennemføre …" — the lead-in of a list whose bullets were lost
    r"\b(?:[Vv]i vil|vil vi|[Dd]et gør vi ved at|[Ss]ådan gør vi|[Ii]ndsatser|[Ii]nitiativer|[Tt]iltag|[Hh]andlinger)"
    r"\s*:\s+(?=[A-ZÆØÅ])")
INLINE_TARGET_CUE_RE = re.compile(  # "… Virksomhedssamarbejdet Mål for 2020: Samarbejdsgraden skal …"
    r"\s(?=(?:Mål\s+for\s+\d{4}|Målsætning|Resultatmål|Resultatkrav|Effektmål|Succeskriteri(?:um|er|e)|Status)\s*:)")
NUMBERED_AFTER_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=\d{1,2}\.\s+[A-ZÆØÅ])")   # "… 300 forløb. 5. Opfølgning"
INLINE_ITEM_RE = re.compile(r"\s(?=(\d{1,2})\.\s+[A-ZÆØÅ])")
GLUED_HEADING_RE = re.compile(r"\s(?=(?:Indholdsfortegnelse|Indhold)$)|"        # "… 27.11.2017 Indholdsfortegnelse"
                              r"(?<=^Indholdsfortegnelse)\s+(?=\d{1,2}\.?\s+[A-ZÆØÅ])|"  # "Indholdsfortegnelse 1. Indledning …"
                              r"(?<=^Indhold)\s+(?=\d{1,2}\.?\s+[A-ZÆØÅ])")


def split_flattened_lines(doc: ParsedDocument) -> None:
    """Split the very long lines of a flattened web transcript (one line per page) into
    sentence-sized lines, so headings, list items and contents entries stand on their own."""
    if doc.format == "pdf" or not _mostly_long_lines(doc.content_lines()):
        return
    out: list[Line] = []
    for ln in doc.lines:
        if not ln.is_content or len(ln.text) <= FLATTENED_MIN_CHARS and not GLUED_HEADING_RE.search(ln.text):
            out.append(ln)
            continue
        for i, piece in enumerate(split_flat_text(ln.text)):
            out.append(ln.model_copy(update={"text": piece, "para_start": i == 0 or ln.para_start and i == 0}))
    old_numbers = [ln.line_no for ln in out]
    for table in doc.tables:
        table.anchor_line = next((i for i, n in enumerate(old_numbers) if n >= table.anchor_line), len(out))
    doc.lines = out
    doc.flattened = True
    doc.renumber()


def _mostly_long_lines(lines: list[Line]) -> bool:
    """Paragraphs of a plan rarely pass 600 characters; a transcript that lost its line
    breaks keeps most of its text in lines that long."""
    total = sum(len(ln.text) for ln in lines)
    long = [len(ln.text) for ln in lines if len(ln.text) > FLATTENED_LONG_CHARS]
    return len(long) >= 2 and sum(long) >= FLATTENED_LONG_SHARE * total


def split_flat_text(text: str) -> list[str]:
    pieces = [text]
    if len(TOC_REF_RE.findall(text)) >= 3:
        pieces = _split_after_toc_refs(text)
    out: list[str] = []
    for piece in pieces:
        for part in GLUED_HEADING_RE.split(piece):
            if part and not GLUED_HEADING_RE.fullmatch(part):
                out.extend(_split_sentences(part))
    return [p.strip() for p in out if p and p.strip()]


def _split_after_toc_refs(text: str) -> list[str]:
    parts, pos = [], 0
    for m in TOC_REF_RE.finditer(text):
        parts.append(text[pos:m.end()])
        pos = m.end()
    parts.append(text[pos:])
    return parts


def _split_sentences(text: str) -> list[str]:
    cuts = [0]
    for m in SENTENCE_END_RE.finditer(text):
        window = (max(0, m.start() - 40), m.start())     # not text[:m.start()]: the text may be pages long
        word = LAST_WORD_RE.search(text, *window)
        if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
            continue
        if ORDINAL_END_RE.search(text, *window):
            continue  # "den 8. December", "i 4. kvartal"
        cuts.append(m.end())
    for rx in (INLINE_SUBHEADING_RE, INLINE_ACTION_CUE_RE, INLINE_TARGET_CUE_RE, NUMBERED_AFTER_SENTENCE_RE):
        cuts.extend(m.end() for m in rx.finditer(text))
    cuts.extend(_inline_item_cuts(text))
    cuts = sorted(set(cuts))
    return [text[a:b] for a, b in zip(cuts, cuts[1:] + [len(text)])]


def _inline_item_cuts(text: str) -> list[int]:
    """Cuts before '2. Xxx', '3. Xxx' … when they follow a '1. Xxx' in the same text."""
    cuts, expected = [], None
    for m in INLINE_ITEM_RE.finditer(" " + text):
        number = int(m.group(1))
        if number == 1:
            expected = 2
            cuts.append(m.end() - 1)
        elif expected is not None and number == expected:
            expected += 1
            cuts.append(m.end() - 1)
    return cuts if len(cuts) >= 2 else []
