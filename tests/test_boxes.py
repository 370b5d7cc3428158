from conftest import make_doc

from extractors.boxes import is_text_box, unbox_text_tables
from models.document import Cell, Table, TableRow


def _row(*cells):
    return TableRow(cells=[c if isinstance(c, Cell) else Cell(text=c) for c in cells])


def _para_cell(*paragraphs):
    return Cell(text=" ".join(paragraphs), paragraphs=list(paragraphs))


def _goal_box(table_no=0, anchor=1):
    return Table(table_no=table_no, anchor_line=anchor, rows=[
        _row("Mål 2: Flere ledige skal opkvalificeres", ""),
        _row(_para_cell("Indsatser", "Styrke samarbejdet med VUC Sydjylland", "Tilbyde flere korte brancheskift"),
             _para_cell("Resultatmål", "Mindst 150 ledige skal påbegynde et jobrettet kursus i 2021"))])


def _stats_table(table_no=1, anchor=3):
    return Table(table_no=table_no, anchor_line=anchor, rows=[
        _row("Fuldtidspersoner i Tønder Kommune på offentlig forsørgelse", ""),
        _row("Sygedagpenge, gennemsnit for hele året inklusive jobafklaringsforløb og borgere i delvis raskmelding",
             "1.204"),
        _row("Kontanthjælp", "904")])


def test_boxes_titled_box_with_label_and_bullet_paragraphs_is_a_text_box():
    assert is_text_box(_goal_box()) is True


def test_boxes_unboxed_table_becomes_lines_and_later_table_moves_down():
    doc = make_doc(["Indledning om planen for Tønder", "Mere tekst om arbejdsmarkedet",
                    "Afsluttende afsnit", "Efter tabellen"])
    doc.tables = [_goal_box(0, 1), _stats_table(1, 3)]
    unbox_text_tables(doc)
    assert [(ln.text, ln.bold) for ln in doc.lines] == [
        ("Indledning om planen for Tønder", False),
        ("Mål 2: Flere ledige skal opkvalificeres", True),
        ("Indsatser:", False),
        ("Styrke samarbejdet med VUC Sydjylland", False),
        ("Tilbyde flere korte brancheskift", False),
        ("Resultatmål:", False),
        ("Mindst 150 ledige skal påbegynde et jobrettet kursus i 2021", False),
        ("Mere tekst om arbejdsmarkedet", False),
        ("Afsluttende afsnit", False),
        ("Efter tabellen", False)]
    assert [ln.line_no for ln in doc.lines] == list(range(10))
    assert all(ln.para_start for ln in doc.lines[1:7])
    assert [(t.table_no, t.anchor_line) for t in doc.tables] == [(1, 9)]
    assert doc.lines[doc.tables[0].anchor_line].text == "Efter tabellen"


def test_boxes_statistics_table_with_numbers_is_not_a_box():
    assert is_text_box(_stats_table()) is False
    doc = make_doc(["Før", "Efter"])
    doc.tables = [_stats_table(0, 1)]
    unbox_text_tables(doc)
    assert ([ln.text for ln in doc.lines], len(doc.tables)) == (["Før", "Efter"], 1)


def test_boxes_target_table_with_a_header_row_of_several_cells_is_not_a_box():
    table = Table(table_no=0, anchor_line=0, rows=[
        _row("Mål", "Resultatkrav", "Opfølgning"),
        _row("Flere sygemeldte skal tilbage i job",
             _para_cell("Varigheden af sygedagpengeforløbene skal ned", "Flere skal delvist raskmeldes"),
             "Kvartalsvis på udvalgsmøderne")])
    assert is_text_box(table) is False
