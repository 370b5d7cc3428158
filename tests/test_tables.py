
from extractors.load_text import text_to_document
from extractors.stats import extract_stats
from extractors.tables import normalise_tables
from models.document import Cell, Line, Page, ParsedDocument, Table, TableRow


def test_tables_two_header_rows_with_spans_flatten_to_labels():
    doc = text_to_document("Tabel 3: Andele\n\nMålgrupper\tAndel arbejdsstyrken\t\tAndel befolkning\t\n"
                           "\tHolbæk\tRegion\tHolbæk\tRegion\nA-dagpenge\t2,3\t2,8\t1,7\t2,1\n")
    table = normalise_tables(doc)[0]
    assert table.columns == ["Målgrupper", "Andel arbejdsstyrken / Holbæk", "Andel arbejdsstyrken / Region",
                             "Andel befolkning / Holbæk", "Andel befolkning / Region"]
    assert table.caption == "Tabel 3: Andele" and len(table.rows) == 1


def test_tables_split_transcript_table_is_joined():
    doc = text_to_document("Tabel 2: Sagsvarighed\n\nYdelse\tUger\nA-dagpenge\t25,6 uger\n\n"
                           "Sygedagpenge\t2 uger\n-----\t-----\n\nEfter tabellen.")
    tables = normalise_tables(doc)
    assert len(tables) == 1 and [r.cells[0].text for r in tables[0].rows] == ["A-dagpenge", "Sygedagpenge"]


def _pdf_table(no, page, rows, top=100.0):
    return Table(table_no=no, page=page, source="ruled", ruled=True, bbox=(50.0, top, 500.0, 700.0),
                 rows=[TableRow(page=page, cells=[Cell(text=t, page=page) for t in r]) for r in rows])


def test_tables_pdf_table_split_over_pages_with_repeated_header():
    doc = ParsedDocument(doc_id="d", source_path="", file_name="x.pdf", format="pdf",
                         pages=[Page(number=1, height=842), Page(number=2, height=842)])
    doc.lines = [Line(line_no=0, text="Tabel 1: Ydelser", page=1),
                 Line(line_no=1, text="Side 1 af 2", page=1, flags={"page_number"}),
                 Line(line_no=2, text="Efter", page=2)]
    t1 = _pdf_table(0, 1, [["Ydelse", "2021", "2022"], ["Fleksjob", "635", "672"]])
    t2 = _pdf_table(1, 2, [["Ydelse", "2021", "2022"], ["Førtidspension", "1.969", "1.992"]])
    t1.anchor_line, t2.anchor_line = 1, 2
    doc.tables = [t1, t2]
    tables = normalise_tables(doc)
    assert len(tables) == 1
    assert [(r.cells[0].text, r.page) for r in tables[0].rows] == [("Fleksjob", 1), ("Førtidspension", 2)]
    stat_tables, values = extract_stats(doc, tables)
    assert [(v.row_label, v.column_label, v.value, v.page) for v in values][-2:] == [
        ("Førtidspension", "2021", 1969, 2), ("Førtidspension", "2022", 1992, 2)]


def test_tables_stats_units_groups_and_no_value_cells():
    doc = text_to_document("Tabel 1: Fuldtidspersoner\n\nYdelse\tAntal\tUdvikling (pct.)\tVarighed\n"
                           "Sygedagpenge\t626\t-1%\t12 uger\nKontanthjælp samt integrationsydelse\t1.288\t−\t30,5 uger\n"
                           "I alt\t1.914\t-4,1\t-\n")
    stat_tables, values = extract_stats(doc, normalise_tables(doc))
    got = [(v.row_label, v.target_group, v.column_label, v.value_text, v.value, v.unit) for v in values]
    assert got == [
        ("Sygedagpenge", "sygedagpenge", "Antal", "626", 626, "full_time_persons"),
        ("Sygedagpenge", "sygedagpenge", "Udvikling (pct.)", "-1%", -1, "pct"),
        ("Sygedagpenge", "sygedagpenge", "Varighed", "12 uger", 12, "weeks"),
        ("Kontanthjælp samt integrationsydelse", None, "Antal", "1.288", 1288, "full_time_persons"),
        ("Kontanthjælp samt integrationsydelse", None, "Varighed", "30,5 uger", 30.5, "weeks"),
        ("I alt", "offentligt_forsoergede_i_alt", "Antal", "1.914", 1914, "full_time_persons"),
        ("I alt", "offentligt_forsoergede_i_alt", "Udvikling (pct.)", "-4,1", -4.1, "pct")]
    assert stat_tables[0].caption == "Tabel 1: Fuldtidspersoner" and stat_tables[0].n_rows == 3


def test_tables_target_goal_and_contents_tables_are_not_statistics():
    doc = text_to_document("INDHOLD\n\nForord\t3\nIndledning\t4\nMål\t9\n\n"
                           "Tekst.\n\nMinistermål\tIndsatsområder\n<ol><li>1. A</li><li>2. B</li></ol>\t<ol><li>1. C</li><li>2. D</li></ol>\n\n"
                           "Tekst.\n\nIndikator\tMål 2022\nLedighed\t4,0 %\n")
    assert extract_stats(doc, normalise_tables(doc)) == ([], [])


def _cell(text, page, paragraphs=()):
    return Cell(text=text, page=page, paragraphs=list(paragraphs))


def test_tables_continuation_row_keeps_paragraphs_and_their_pages():
    from extractors.tables import merge_continuation_rows
    above = TableRow(page=6, cells=[
        _cell("Unge under 30", 6),
        _cell("Andelen i uddannelse skal øges til 45 %. Antallet på uddannelseshjælp skal", 6,
              ["Andelen i uddannelse skal øges til 45 %.", "Antallet på uddannelseshjælp skal"]),
        _cell("Kvartalsvis", 6)])
    rest = TableRow(page=7, cells=[
        _cell("", 7),
        _cell("nedbringes med 10 %. Alle unge skal have en plan inden 4 uger.", 7,
              ["nedbringes med 10 %.", "Alle unge skal have en plan inden 4 uger."]),
        _cell("", 7)])
    rows = merge_continuation_rows([above, rest])
    assert len(rows) == 1
    cell = rows[0].cells[1]
    assert cell.paragraphs == ["Andelen i uddannelse skal øges til 45 %.",
                               "Antallet på uddannelseshjælp skal nedbringes med 10 %.",
                               "Alle unge skal have en plan inden 4 uger."]
    assert cell.paragraph_pages == [6, 6, 7]
    assert cell.text == ("Andelen i uddannelse skal øges til 45 %. Antallet på uddannelseshjælp skal "
                         "nedbringes med 10 %. Alle unge skal have en plan inden 4 uger.")
    assert (rows[0].page, rows[0].cells[2].text, rows[0].cells[2].paragraph_pages) == (6, "Kvartalsvis", [])


def test_tables_row_over_three_pages_keeps_each_paragraph_page():
    from extractors.tables import merge_continuation_rows
    first = TableRow(page=4, cells=[_cell("Sygemeldte", 4), _cell("Varigheden skal", 4)])
    second = TableRow(page=5, cells=[_cell("", 5), _cell("ned på 20 uger. Flere skal", 5,
                                                         ["ned på 20 uger.", "Flere skal"])])
    third = TableRow(page=6, cells=[_cell("", 6), _cell("delvist raskmeldes. Mindst 30 skal i praktik.", 6,
                                                        ["delvist raskmeldes.", "Mindst 30 skal i praktik."])])
    cell = merge_continuation_rows([first, second, third])[0].cells[1]
    assert cell.paragraphs == ["Varigheden skal ned på 20 uger.", "Flere skal delvist raskmeldes.",
                               "Mindst 30 skal i praktik."]
    assert cell.paragraph_pages == [4, 5, 6]


def test_tables_continuation_of_one_paragraph_records_no_paragraphs():
    from extractors.tables import merge_continuation_rows
    above = TableRow(page=6, cells=[_cell("Sygemeldte", 6), _cell("Varigheden skal ned på", 6)])
    rest = TableRow(page=7, cells=[_cell("", 7), _cell("højst 20 uger.", 7)])
    cell = merge_continuation_rows([above, rest])[0].cells[1]
    assert (cell.text, cell.paragraphs, cell.paragraph_pages) == ("Varigheden skal ned på højst 20 uger.", [], [])


def test_tables_row_with_its_own_label_or_after_a_finished_cell_is_not_merged():
    from extractors.tables import merge_continuation_rows
    open_row = TableRow(page=6, cells=[_cell("Unge", 6), _cell("Andelen skal", 6)])
    labelled = TableRow(page=7, cells=[_cell("Ledige over 50", 7), _cell("nedbringes med 10 %.", 7)])
    assert len(merge_continuation_rows([open_row, labelled])) == 2
    finished = TableRow(page=6, cells=[_cell("Unge", 6), _cell("Andelen skal øges til 45 %.", 6)])
    rest = TableRow(page=7, cells=[_cell("", 7), _cell("og flere skal i job", 7)])
    assert len(merge_continuation_rows([finished, rest])) == 2


def _rows(*rows):
    return [TableRow(cells=[Cell(text=t) for t in r]) for r in rows]


def test_tables_label_column_name_under_an_empty_header_cell_is_header():
    from extractors.tables import count_header_rows
    rows = _rows(["", "Fuldtidspersoner", "Fuldtidspersoner", "Fuldtidspersoner"], ["Ydelse", "2016", "2017", "2018"],
                 ["Sygedagpenge", "1.204", "1.166", "1.190"], ["Kontanthjælp", "904", "880", "861"])
    assert count_header_rows(rows) == 2


def test_tables_data_row_under_an_empty_header_cell_is_not_header():
    from extractors.tables import count_header_rows
    rows = _rows(["", "2016", "2017"], ["Sygedagpenge", "1.204", "1.166"], ["Kontanthjælp", "904", "880"])
    assert count_header_rows(rows) == 1
    sentences = _rows(["", "Resultatkrav", "Opfølgning"],
                      ["Sygemeldte", "Varigheden af sygedagpengeforløbene skal nedbringes med fire uger.", "Kvartalsvis"],
                      ["Unge", "Flere unge under 30 år skal i gang med en erhvervsuddannelse.", "Halvårligt"])
    assert count_header_rows(sentences) == 1


def test_tables_label_column_name_under_an_empty_cell_flattens_into_columns():
    doc = text_to_document("Tabel 1: Fuldtidspersoner i Hedensted\n\n\tFuldtidspersoner\tFuldtidspersoner\n"
                           "Ydelse\t2016\t2017\nSygedagpenge\t1.204\t1.166\nKontanthjælp\t904\t880\n")
    table = normalise_tables(doc)[0]
    assert table.columns == ["Ydelse", "Fuldtidspersoner / 2016", "Fuldtidspersoner / 2017"]
    assert [r.cells[0].text for r in table.rows] == ["Sygedagpenge", "Kontanthjælp"]


def test_tables_target_table_under_an_empty_corner_keeps_its_first_row():
    doc = text_to_document("## Mål for Hedensted\n\n\tResultatkrav\tOpfølgning\n"
                           "Sygedagpenge\tMindst 40 færre forløb\tKvartalsvis\n"
                           "Kontanthjælp\tMindst 60 flere i job\tHalvårligt\n")
    table = normalise_tables(doc)[0]
    assert table.columns == ["", "Resultatkrav", "Opfølgning"]
    assert [r.cells[0].text for r in table.rows] == ["Sygedagpenge", "Kontanthjælp"]
