"""Row labels of statistics tables, on hand-built NormTables."""
from extractors.stats import extract_stats, label_column_count, row_labels
from extractors.tables import NormTable
from models.document import Cell, ParsedDocument, TableRow


def _table(columns, rows, caption=None):
    return NormTable(table_no=0, rows=[TableRow(cells=[Cell(text=c, page=3) for c in r], page=3) for r in rows],
                     header=[TableRow(cells=[Cell(text=c) for c in columns], page=3)], columns=columns,
                     caption=caption, page=3, anchor_line=5)


def _group_table():
    """A group column whose cells are merged down over its sub-groups (empty below the first)."""
    return _table(["Ydelse", "Målgruppe", "2021", "2022"], [
        ["Kontanthjælp", "jobparate", "310", "290"],
        ["", "aktivitetsparate", "820", "805"],
        ["Uddannelseshjælp", "", "150", "140"],
        ["", "åbenlyst uddannelsesparate", "60", "55"],
        ["I alt", "", "1.340", "1.290"]], caption="Tabel 2: Fuldtidspersoner i Ringsted")


def test_stats_group_and_sub_group_columns_are_label_columns():
    assert label_column_count(_group_table()) == 2


def test_stats_merged_group_cell_is_carried_down_into_row_labels():
    table = _group_table()
    assert row_labels(table, 2) == ["Kontanthjælp / jobparate", "Kontanthjælp / aktivitetsparate",
                                    "Uddannelseshjælp", "Uddannelseshjælp / åbenlyst uddannelsesparate", "I alt"]


def test_stats_values_of_a_group_table_carry_the_joined_label():
    doc = ParsedDocument(doc_id="rs", source_path="", file_name="x.txt", format="text")
    _, values = extract_stats(doc, [_group_table()])
    got = [(v.row_label, v.column_label, v.value) for v in values]
    assert got == [("Kontanthjælp / jobparate", "2021", 310), ("Kontanthjælp / jobparate", "2022", 290),
                   ("Kontanthjælp / aktivitetsparate", "2021", 820), ("Kontanthjælp / aktivitetsparate", "2022", 805),
                   ("Uddannelseshjælp", "2021", 150), ("Uddannelseshjælp", "2022", 140),
                   ("Uddannelseshjælp / åbenlyst uddannelsesparate", "2021", 60),
                   ("Uddannelseshjælp / åbenlyst uddannelsesparate", "2022", 55),
                   ("I alt", "2021", 1340), ("I alt", "2022", 1290)]
    assert all(v.column_label != "Målgruppe" for v in values)


def test_stats_one_label_column_table_is_unchanged():
    table = _table(["Ydelse", "2021", "2022"], [["Sygedagpenge", "412", "398"], ["", "12", "14"],
                                                ["Jobafklaringsforløb", "95", "101"]])
    assert label_column_count(table) == 1
    # an empty first cell in a one-label table is not filled from the row above
    assert row_labels(table, 1) == ["Sygedagpenge", "", "Jobafklaringsforløb"]


def test_stats_label_columns_leave_at_least_one_value_column():
    table = _table(["Ydelse", "Bemærkning"], [["Fleksjob", "se bilag"], ["Ledighedsydelse", "ny ordning"]])
    assert label_column_count(table) == 1
