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
