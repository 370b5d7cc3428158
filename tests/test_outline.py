from conftest import make_doc

from extractors.outline import build_outline, section_at
from extractors.toc import extract_toc


def _outline(lines, fmt="text"):
    doc = make_doc(lines, fmt=fmt)
    sections = build_outline(doc, extract_toc(doc))
    return [(s.level, s.number, s.title) for s in sections], sections


def test_outline_numbered_headings_in_markdown_nest_by_depth():
    tree, _ = _outline([("1. Indledning", {"heading_level": 1}), "Tekst her som er lang nok til et afsnit.",
                        ("1.1 Baggrund", {"heading_level": 2}), "Mere tekst.",
                        ("Underafsnit", {"heading_level": 3}), "Tekst.",
                        ("2. Mål", {"heading_level": 1}), "Tekst."])
    assert tree == [(1, "1", "Indledning"), (2, "1.1", "Baggrund"), (3, "", "Underafsnit"), (1, "2", "Mål")]


def test_outline_numbered_list_items_after_a_cue_are_not_headings():
    tree, _ = _outline(["1. Indledning", "Her er en længere tekst om planen og dens baggrund i kommunen.",
                        "Vi vil:", "1. Styrke samarbejdet", "2. Øge fokus på job",
                        "2. Udvikling", "Her er en længere tekst om udviklingen på arbejdsmarkedet i år."])
    assert tree == [(1, "1", "Indledning"), (1, "2", "Udvikling")]


def test_outline_toc_entries_mark_headings_in_order():
    lines = ["Indhold", "1. Indledning ..... 2", "4. Indsatsen ..... 7", "1. Indledning ..... 7",
             "Indledning", "Tekst om baggrunden for planen og meget mere som er langt.",
             "Indsatsen", "Tekst om indsatsen.", "4.1 Indledning", "Tekst om indsatsen i 2018."]
    tree, _ = _outline(lines)
    assert tree == [(1, "1", "Indledning"), (1, "4", "Indsatsen"), (2, "4.1", "Indledning")]


def test_outline_pdf_bold_heading_wraps_onto_two_lines():
    style = {"font_size": 14.0, "bold": True}
    body = {"font_size": 11.0}
    lines = [("Ministermål 1: Flere personer skal i beskæftigelse eller", {**style, "page": 1}),
             ("uddannelse i stedet for offentlig forsørgelse", {**style, "page": 1, "para_start": False}),
             ("Brødtekst om målet som er lang nok til at være brødtekst i planen.", {**body, "page": 1}),
             ("Brødtekst fortsætter her med endnu flere ord og endnu mere indhold.", {**body, "page": 1, "para_start": False})]
    tree, sections = _outline(lines, fmt="pdf")
    assert tree == [(1, "1", "Ministermål 1: Flere personer skal i beskæftigelse eller uddannelse i stedet for offentlig forsørgelse")]
    assert section_at(sections, 3).section_id == sections[0].section_id


def test_outline_chapter_word_heading_is_numbered():
    tree, _ = _outline([("Kapitel 1 Indledning", {"heading_level": 1}),
                        "Tekst om planen for Thisted og om baggrunden for indsatsen i kommunen.",
                        ("Kapitel 2 Arbejdsmarkedet", {"heading_level": 1}), "Tekst om arbejdsmarkedet i Thisted.",
                        ("Kapitlet om ledighed", {"heading_level": 1}), "Tekst om ledigheden."])
    assert tree == [(1, "1", "Indledning"), (1, "2", "Arbejdsmarkedet"), (1, "", "Kapitlet om ledighed")]


def test_outline_less_prominent_heading_under_an_unnumbered_heading_is_its_child():
    big, bold = {"font_size": 16.0, "bold": True}, {"font_size": 11.0, "bold": True}
    body = ("Her står en længere tekst om fokusområdet, som fylder en hel linje og mere til.", {"font_size": 11.0})
    levels, _ = _outline([("Fokusområde 1: Virksomheder", big), body, ("Succeskriterier", bold), body,
                          ("Fokusområde 2: Unge", big), body], fmt="pdf")
    assert [(lvl, title) for lvl, _, title in levels] == [
        (1, "Fokusområde 1: Virksomheder"), (2, "Succeskriterier"), (1, "Fokusområde 2: Unge")]
