from conftest import make_doc

from extractors.toc import extract_toc


def _entries(doc):
    return [(e.level, e.number, e.title, e.printed_page) for e in extract_toc(doc)]


def test_toc_dot_leaders_and_wrapped_entries():
    doc = make_doc(["Indholdsfortegnelse", "Forord ............ 3",
                    "Ministermål 1: Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på",
                    "offentlig forsørgelse............ 7", "Bilag………… 12", "Forord", "Tekst"])
    assert _entries(doc) == [
        (1, "", "Forord", 3),
        (1, "", "Ministermål 1: Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på offentlig forsørgelse", 7),
        (1, "", "Bilag", 12)]


def test_toc_from_tab_separated_rows():
    doc = make_doc(["INDHOLD", "Forord"], tables=[(1, [["Forord", "4"], ["1. Indledning.....", "5"],
                                                       ["1.1 Baggrund", "5"]])])
    assert _entries(doc) == [(1, "", "Forord", 4), (1, "1", "Indledning", 5), (2, "1.1", "Baggrund", 5)]


def test_toc_side_n_pages_and_numbering_restart_gives_sub_entries():
    doc = make_doc(["Indhold", "1. Indledning Side 2", "1. Baggrund Side 2", "2. Sigtelinjer Side 3",
                    "2. Situationen i Danmark Side 4", "1. Den danske model Side 4", "3. Bilag Side 9",
                    "Ministerens mål 1 - Beskæftigelse Side 9", "Indledning", "1.1 Baggrund"])
    assert _entries(doc) == [
        (1, "1", "Indledning", 2), (2, "1", "Baggrund", 2), (2, "2", "Sigtelinjer", 3),
        (1, "2", "Situationen i Danmark", 4), (2, "1", "Den danske model", 4), (1, "3", "Bilag", 9),
        (2, "", "Ministerens mål 1 - Beskæftigelse", 9)]


def test_toc_pdf_indentation_gives_levels():
    lines = [("Indhold", {"bbox": (70, 100, 120, 110)}),
             ("Særlige indsatsområder ..... 10", {"bbox": (70, 120, 500, 130)}),
             ("Virksomhederne skal sikres arbejdskraft ..... 10", {"bbox": (92, 135, 500, 145)}),
             ("Status resultatmål ..... 17", {"bbox": (70, 150, 500, 160)})]
    doc = make_doc(lines, fmt="pdf")
    assert [e[0] for e in _entries(doc)] == [1, 2, 1]


def test_toc_absent_gives_no_entries():
    assert _entries(make_doc(["Beskæftigelsesplan 2023", "Forord", "Tekst 12"])) == []


def test_toc_labelled_entry_sits_under_the_numbered_entry_above():
    doc = make_doc(["Indhold", "1. Forord Side 2", "2. Rammerne for indsatsen Side 3", "3. Ministerens mål for 2021 Side 4",
                    "Mål 1 – Flere ledige skal opkvalificeres Side 4",
                    "Mål 2 – Alle ledige skal have en værdig sagsbehandling Side 5",
                    "4. Lokale indsatser i Odder Side 7", "Forord", "Tekst"])
    assert _entries(doc) == [
        (1, "1", "Forord", 2), (1, "2", "Rammerne for indsatsen", 3), (1, "3", "Ministerens mål for 2021", 4),
        (2, "", "Mål 1 – Flere ledige skal opkvalificeres", 4),
        (2, "", "Mål 2 – Alle ledige skal have en værdig sagsbehandling", 5),
        (1, "4", "Lokale indsatser i Odder", 7)]


def test_toc_labelled_entry_under_a_sub_entry_is_one_deeper():
    doc = make_doc(["Indhold", "2. Målene Side 2", "2.1 Ministerens mål Side 3", "Mål 1: Flere i job Side 4",
                    "Indsatsområde 2. Unge på uddannelseshjælp Side 5", "Målene"])
    assert [e[0] for e in _entries(doc)] == [1, 2, 3, 3]


def test_toc_labelled_entry_without_numbered_entries_above_stays_top_level():
    doc = make_doc(["Indhold", "Forord Side 2", "Mål 1 – Flere ledige skal opkvalificeres Side 4",
                    "Mål 2 – Flere i job Side 5", "Forord"])
    assert [e[0] for e in _entries(doc)] == [1, 1, 1]


def test_toc_appendix_with_a_number_is_not_a_labelled_sub_entry():
    doc = make_doc(["Indhold", "1. Forord Side 2", "2. Lokale mål Side 3", "Bilag 1 - Nøgletal for Odder Side 9",
                    "Forord"])
    assert _entries(doc) == [(1, "1", "Forord", 2), (1, "2", "Lokale mål", 3),
                             (1, "", "Bilag 1 - Nøgletal for Odder", 9)]


def test_toc_unnumbered_entry_without_a_label_number_stays_top_level():
    doc = make_doc(["Indhold", "1. Forord Side 2", "2. Mål Side 3", "Status 2022 Side 4", "Forord"])
    assert [e[0] for e in _entries(doc)] == [1, 1, 1]


def test_toc_second_appendix_is_not_nested_under_the_first():
    doc = make_doc(["Indhold", "1. Forord Side 2", "Bilag 1 - Nøgletal Side 9", "Bilag 2 - Ordliste Side 11",
                    "Forord"])
    assert [e[0] for e in _entries(doc)] == [1, 1, 1]


def test_toc_chapter_word_entries_give_their_number():
    doc = make_doc(["Indholdsfortegnelse", "Kapitel 1 Indledning ......... 3", "Kapitel 2 Arbejdsmarkedet ....... 4",
                    "Kapitel 3: Lokale mål ........ 8", "Delmål for unge ......... 9", "Indledning", "Tekst"])
    assert _entries(doc) == [(1, "1", "Indledning", 3), (1, "2", "Arbejdsmarkedet", 4), (1, "3", "Lokale mål", 8),
                             (1, "", "Delmål for unge", 9)]
