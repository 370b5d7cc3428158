"""Actions: the items of explicit lists that say what the jobcentre or municipality will do.

A list is an action list when
- its lead-in (cue) line says so: "Vi vil:", "Det gør vi ved at:", "Særlige indsatsområder i
  2019:", "Indsatser:", "Initiativer:", "I 2020 vil vi:", "Der er fokus på:" …; or
- its lead-in ends with ":" or ", at" and most items start with a verb of doing
  ("Styrke …", "Sikre …", "at øge …"), and the lead-in is not about goals, targets or visions.
Items: bullets (• - – ▪ *) and numbers (1. 1) a)); a line without a marker continues the item
above unless it starts a new paragraph (so items running over a line or page break stay one
item); an item indented deeper than the list, or bulleted inside a numbered list, is a
sub-item with its parent recorded. Each action is linked to the goal of its section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extractors.clean import join_hyphenated
from extractors.lists import marker_kind, split_marker
from models.document import Line, ParsedDocument
from models.records import Action, Goal, Section

EXTRACTOR = "actions"
VERSION = "1"
CUE_RE = re.compile(
    r"^(?:(?:i\s+\d{4}\s+|konkret\s+|derfor\s+|for at \S.{0,60}\s)?vil vi|vi vil(?:\s+\S+){0,4}|"
    r"det (?:gør|vil) vi(?:\s+\S+){0,3}?(?: ved at)?|vi gør det ved at|(?:sådan|hvad|hvordan) (?:gør|vil) vi(?: det)?|"
    r"(?:særlige\s+|konkrete\s+|vores\s+|planlagte\s+|centrale\s+)?(?:indsatser|initiativer|handlinger|tiltag|aktiviteter)"
    r"(?:\s+i\s+\d{4})?|særlige indsatsområder(?:\s+i\s+\d{4})?|"
    r"(?:jobcentret|jobcenteret|kommunen|vi)\s+vil(?:\s+\S+){0,4}|der er (?:særligt )?fokus på|"
    r"indsatsen (?:vil )?(?:består|bestå|omfatter)(?:\s+af)?)\s*:?\s*$", re.I)
TARGET_LABEL_RE = re.compile(   # "Målsætning: …" after a list is a target, not the list's next item
    r"^\s*(?:målsætning\w*|resultatmål|resultatkrav|effektmål|succeskriteri\w*|mål\s+for\s+\d{4}|status)\b[^:]{0,40}:", re.I)
LEAD_IN_RE = re.compile(r"(:|,?\s+at)\s*$")
NOT_ACTION_CUE_RE = re.compile(
    r"\bmål\b|mål for|målene|målsætning|resultat|succeskriter|vision|pejlemærk|sigtelinje|følgende mål|"
    r"centrale elementer|hjørnesten|kilde|tabel|figur|\bmålt\b|opgjort", re.I)
ACTION_VERBS = set("""skabe sikre sikrer styrke styrker øge øger udvikle udvikler fastholde fastholder inddrage inddrager
indføre indfører etablere etablerer gennemføre gennemfører tilbyde tilbyder arbejde arbejder understøtte
understøtter udbrede udbreder videreudvikle videreudvikler følge følger have sætte sætter tilpasse
tilpasser inspirere inspirerer fortsætte fortsætter implementere implementerer afholde afholder
samarbejde samarbejder opkvalificere forebygge forebygger nedbringe hjælpe hjælper give giver bruge
anvende anvender motivere vejlede vejleder screene matche formidle formidler målrette målretter prioritere
prioriterer optimere optimerer udbygge udbygger intensivere intensiverer fremme fremmer indgå indgår
deltage deltager facilitere oprette opretter udarbejde udarbejder evaluere evaluerer synliggøre
informere informerer øge sørge sørger tage tager møde mødes afdække afdækker kortlægge
holde holder uddanne uddanner gennemskrive skrive styrke ansætte ansætter lave laver
""".split())
NOT_INFINITIVES = set("""alle disse denne dette mange flere andre hele store nye unge samme egne begge derfor ellers
gerne måske ikke stadigvæk kvinde borgere ledige virksomhede sygemeldte personlige lokale mere mindre
""".split())
MAX_ITEM_CHARS = 1200
MAX_CUE_CHARS = 100


@dataclass
class _Item:
    lines: list[Line]
    text: str
    marker: Optional[str]
    indent: float
    parent: Optional["_Item"] = None
    children: list["_Item"] = field(default_factory=list)


def extract_actions(doc: ParsedDocument, sections: list[Section], goals: list[Goal]) -> list[Action]:
    content = doc.content_lines()
    headings = {s.heading_line for s in sections}
    tables = {t.anchor_line for t in doc.tables}
    goal_of = _goal_by_section(sections, goals)
    actions: list[Action] = []
    i = 0
    while i < len(content):
        cue = content[i]
        is_cue = _is_cue_line(cue) and (cue.line_no not in headings or cue.text.rstrip().endswith(":"))
        items, end = _list_after(content, i, headings, tables, doc.flattened) if is_cue else ([], i + 1)
        if items and (_explicit_cue(cue) or _verb_led(items)):
            actions += _to_actions(doc, cue, items, sections, goal_of, len(actions))
            i = max(end, i + 1)
        else:
            i += 1
    return actions


# ---------------------------------------------------------------- cues
def _explicit_cue(line: Line) -> bool:
    return bool(CUE_RE.match(_cue_text(line)))


def _cue_text(line: Line) -> str:
    """The lead-in: the last sentence of the line ("… for den unge. Der er fokus på:")."""
    text = line.text.strip()
    last = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", text)[-1]
    return last if len(last) <= MAX_CUE_CHARS else ""


def _stored_cue(line: Line) -> str:
    """The lead-in as stored: its last sentence, the end of it when that is long."""
    text = " ".join(line.text.split())
    return _cue_text(line) or ("…" + text[-MAX_CUE_CHARS:].lstrip())


def _is_cue_line(line: Line) -> bool:
    if _explicit_cue(line):
        return True
    text = _cue_text(line)
    if not text or split_marker(line.text)[0] is not None:
        return False    # an item of another list ("- Kontanthjælp:") does not lead in an action list
    return bool(LEAD_IN_RE.search(text)) and not NOT_ACTION_CUE_RE.search(_lead_in_head(text))


def _lead_in_head(text: str) -> str:
    """The part of a lead-in that says what the list is ("Målet med LISES samtaler er, at" →
    'Målet med LISES samtaler'): a goal word there makes it a list of goals or targets, except
    in 'Målet med <something> er, at', which lists what will be done."""
    if re.match(r"^målet med\b", text, re.I):
        return ""
    return text


def _verb_led(items: list[_Item]) -> bool:
    tops = [it for it in items if it.parent is None]
    verbs = sum(1 for it in tops if _first_word(it.text) in ACTION_VERBS)
    return len(tops) >= 2 and verbs >= 0.6 * len(tops)


def _starts_with_verb(text: str) -> bool:
    """'Gennemføre …', 'Holde …': a known verb of doing or a capitalised infinitive (-e)."""
    word = _first_word(text)
    return word in ACTION_VERBS or (text[:1].isupper() and len(word) >= 4 and word.endswith("e")
                                     and word not in NOT_INFINITIVES)


def _first_word(text: str) -> str:
    words = re.findall(r"[a-zæøå]+", text.casefold())
    if words and words[0] == "at" and len(words) > 1:
        return words[1]
    return words[0] if words else ""


# ---------------------------------------------------------------- items
def _list_after(content: list[Line], i: int, headings: set[int], tables: set[int], flattened: bool = False):
    """Items of the list that follows the cue at content[i]; (items, index after the list).
    In a flattened transcript the bullets are lost: each sentence led by a verb is an item;
    in text copied line by line, each line opening with a capital."""
    items: list[_Item] = []
    j = i + 1
    marked = j < len(content) and split_marker(content[j].text)[0] is not None
    copied = not marked and not flattened and _copied_lines(content, i)
    while j < len(content):
        ln = content[j]
        if ln.line_no in headings or _table_between(content[j - 1], ln, tables) or (j > i + 1 and _explicit_cue(ln)) \
                or TARGET_LABEL_RE.match(ln.text):
            break
        marker, rest = split_marker(ln.text)
        if marker is not None and (marked or not items):
            _add_item(items, ln, marker, rest)
        elif copied:
            if ln.para_start and items:
                break
            if ln.text[:1].isupper() and not (items and items[-1].text.rstrip().endswith("-")):
                _add_item(items, ln, None, ln.text.strip())
            elif items:
                _extend(items[-1], ln)
            else:
                break
        elif flattened and not marked:
            if not _starts_with_verb(ln.text) or (items and not items[-1].text.rstrip().endswith((".", "!", ";"))):
                break
            _add_item(items, ln, None, ln.text.strip())
        elif items and _continues(items[-1], ln, marked):
            _extend(items[-1], ln)
        elif not marked and ln.para_start and len(ln.text) <= 400 and len(items) < 20 \
                and content[i].text.rstrip().endswith(":"):
            _add_item(items, ln, None, ln.text.strip())
        else:
            break
        j += 1
    return items, j


def _copied_lines(content: list[Line], i: int) -> bool:
    """Text copied line by line from a PDF viewer: the bullets are lost and no blank line
    separates the items, so after an explicit cue each line opening with a capital starts an
    item and a line opening in lower case continues it."""
    nxt = content[i + 1] if i + 1 < len(content) else None
    return (nxt is not None and nxt.bbox is None and not nxt.para_start and _explicit_cue(content[i])
            and nxt.text[:1].isupper())


def _table_between(prev: Line, line: Line, tables: set[int]) -> bool:
    return any(prev.line_no < t <= line.line_no for t in tables)


def _continues(item: _Item, line: Line, marked: bool) -> bool:
    """A line without a marker continues the item above when it does not start a paragraph
    (wrapped line, or the first line of a page continuing the item)."""
    if len(item.text) + len(line.text) > MAX_ITEM_CHARS:
        return False
    if not line.para_start:
        return True
    return marked and line.text[:1].islower() and not item.text.rstrip().endswith((".", ":"))


def _add_item(items: list[_Item], line: Line, marker: Optional[str], text: str) -> None:
    item = _Item(lines=[line], text=text, marker=marker, indent=line.indent)
    parent = _parent_for(items, item)
    if parent is not None:
        item.parent = parent
        parent.children.append(item)
    items.append(item)


def _parent_for(items: list[_Item], item: _Item) -> Optional[_Item]:
    """A sub-item: indented deeper than the list's first item, a bullet or letter inside a
    numbered list, or another bullet glyph right after an item that ends with ':'."""
    tops = [it for it in items if it.parent is None]
    if not tops:
        return None
    first, last = tops[0], tops[-1]
    step = 6.0 if item.lines[0].bbox is not None else 2.0     # points in a PDF, spaces in text
    same_style = _style(item.marker) == _style(first.marker)
    if same_style and item.indent < first.indent + step:
        return None
    deeper = item.indent >= first.indent + step
    nested_kind = marker_kind(first.marker) == "number" and marker_kind(item.marker) in ("bullet", "letter")
    new_glyph = not same_style and (items[-1].text.rstrip().endswith(":") or items[-1].parent is not None)
    return last if deeper or nested_kind or new_glyph else None


def _style(marker: Optional[str]) -> Optional[str]:
    """The style of a list marker: '1.' and '2.' are alike, '•' and '–' are not."""
    if marker is None:
        return None
    return re.sub(r"\d+", "N", re.sub(r"^[a-z]", "a", marker))


def _extend(item: _Item, line: Line) -> None:
    item.lines.append(line)
    item.text = join_hyphenated(item.text, line.text.strip())


# ---------------------------------------------------------------- records
def _goal_by_section(sections: list[Section], goals: list[Goal]) -> dict[str, str]:
    """section_id → goal_id for every section inside a goal's section."""
    heading_of = {s.section_id: s.heading_line for s in sections}
    direct: dict[str, str] = {}
    for g in sorted(goals, key=lambda g: g.line_start != heading_of.get(g.section_id)):
        if g.section_id and g.section_id not in direct:
            direct[g.section_id] = g.goal_id    # the goal stated by the heading itself first
    parent = {s.section_id: s.parent_id for s in sections}
    out = {}
    for s in sections:
        node: Optional[str] = s.section_id
        while node is not None and node not in direct:
            node = parent.get(node)
        if node is not None:
            out[s.section_id] = direct[node]
    return out


def _to_actions(doc: ParsedDocument, cue: Line, items: list[_Item], sections: list[Section],
                goal_of: dict[str, str], start: int) -> list[Action]:
    from extractors.outline import section_at
    section = section_at(sections, cue.line_no)
    ids: dict[int, str] = {}
    out = []
    for k, item in enumerate(items):
        action_id = f"{doc.doc_id}-a{start + k}"
        ids[id(item)] = action_id
        out.append(Action(
            doc_id=doc.doc_id, page=item.lines[0].page, line_start=item.lines[0].line_no,
            line_end=item.lines[-1].line_no, extractor=EXTRACTOR, extractor_version=VERSION,
            action_id=action_id, ord=start + k, goal_id=goal_of.get(section.section_id) if section else None,
            section_id=section.section_id if section else None, cue=_stored_cue(cue),
            text=" ".join(item.text.split()), parent_id=ids.get(id(item.parent)) if item.parent else None,
            parent_text=item.parent.text if item.parent else None))
    return out
