from extractors.load_text import text_to_document
from extractors.text_layout import tabify_layout_tables

LAYOUT_TABLE = [
    "Tabel 2: Fuldtidspersoner på ydelser i Faaborg-Midtfyn",
    "",
    "                                    Fuldtidspersoner (årsgennemsnit)",
    "Ydelse                               2017        2018        2019",
    "A-dagpenge                            812         776         741",
    "Integrationsydelse (flygtninge og     304         251         198",
    "familiesammenførte)",
    "Sygedagpenge                        1.045       1.102       1.088",
    "",
    "Kilde: Jobindsats.dk",
]


def test_text_layout_space_aligned_table_becomes_tab_rows():
    out = tabify_layout_tables(LAYOUT_TABLE)
    assert out == [
        "Tabel 2: Fuldtidspersoner på ydelser i Faaborg-Midtfyn",
        "",
        "\tFuldtidspersoner (årsgennemsnit)\tFuldtidspersoner (årsgennemsnit)\tFuldtidspersoner (årsgennemsnit)",
        "Ydelse\t2017\t2018\t2019",
        "A-dagpenge\t812\t776\t741",
        "Integrationsydelse (flygtninge og familiesammenførte)\t304\t251\t198",
        "Sygedagpenge\t1.045\t1.102\t1.088",
        "",
        "",
        "Kilde: Jobindsats.dk",
    ]


def test_text_layout_returns_as_many_lines_as_given():
    assert len(tabify_layout_tables(LAYOUT_TABLE)) == len(LAYOUT_TABLE)
    assert len(tabify_layout_tables(["Forord", ""] + LAYOUT_TABLE + ["Efter tabellen."])) == len(LAYOUT_TABLE) + 3


def test_text_layout_spanning_header_covers_only_the_columns_under_it():
    lines = [
        "                           Antal personer       Ændring",
        "Målgruppe                2020        2021       i pct.",
        "Kontanthjælp              930         874        -6,0",
        "Ressourceforløb           212         241        13,7",
        "Jobafklaring               88          95         8,0",
    ]
    assert tabify_layout_tables(lines) == [
        "\tAntal personer\tAntal personer\tÆndring",
        "Målgruppe\t2020\t2021\ti pct.",
        "Kontanthjælp\t930\t874\t-6,0",
        "Ressourceforløb\t212\t241\t13,7",
        "Jobafklaring\t88\t95\t8,0",
    ]


def test_text_layout_table_is_read_as_a_table_by_the_text_loader():
    doc = text_to_document("\n".join(LAYOUT_TABLE))
    assert len(doc.tables) == 1
    assert [r.texts for r in doc.tables[0].rows] == [
        ["", "Fuldtidspersoner (årsgennemsnit)", "Fuldtidspersoner (årsgennemsnit)", "Fuldtidspersoner (årsgennemsnit)"],
        ["Ydelse", "2017", "2018", "2019"],
        ["A-dagpenge", "812", "776", "741"],
        ["Integrationsydelse (flygtninge og familiesammenførte)", "304", "251", "198"],
        ["Sygedagpenge", "1.045", "1.102", "1.088"]]
    assert [ln.text for ln in doc.lines] == ["Tabel 2: Fuldtidspersoner på ydelser i Faaborg-Midtfyn",
                                             "Kilde: Jobindsats.dk"]


def test_text_layout_justified_prose_with_numbers_is_not_a_table():
    prose = [
        "Jobcenter  Nyborg  har  i  2019  haft  312  borgere  i  virksomhedspraktik,  og  heraf  kom",
        "omkring  140  i  ordinær  beskæftigelse  efter  forløbet,  hvilket  er  flere  end  ventet.",
        "I  alt  deltog  85  virksomheder  og  26  uddannelsessteder  i  samarbejdet  med  kommunen.",
    ]
    assert tabify_layout_tables(prose) == prose


def test_text_layout_contents_lines_with_dot_leaders_are_not_data_lines():
    contents = [
        "Indhold",
        "1   Forord ....................................   3",
        "2   Arbejdsmarkedet i Nyborg ..................   5",
        "3   Ministerens mål ...........................   9",
    ]
    assert tabify_layout_tables(contents) == contents
    spaced = ["1   Forord  . . . . . . . . . .   3", "2   Lokale mål  . . . . . . . .   7"]
    assert tabify_layout_tables(spaced) == spaced


def test_text_layout_chunk_with_tab_or_pipe_rows_is_left_alone():
    aligned = ["A-dagpenge      812      776", "Sygedagpenge  1.045    1.102"]
    assert tabify_layout_tables(aligned) == ["A-dagpenge\t812\t776", "Sygedagpenge\t1.045\t1.102"]
    tabbed = ["Ydelse\tAntal"] + aligned
    assert tabify_layout_tables(tabbed) == tabbed
    piped = ["| Ydelse | Antal |"] + aligned
    assert tabify_layout_tables(piped) == piped


def test_text_layout_text_column_right_of_a_number_column_is_kept():
    lines = ["Nr.   Kommune              2020     2021", " 12   Nyborg                4,3      4,1",
             " 27   Faaborg-Midtfyn       5,0      4,6", " 41   Svendborg             5,6      5,2"]
    assert [ln.split("\t") for ln in tabify_layout_tables(lines)] == [
        ["Nr.", "Kommune", "2020", "2021"], ["12", "Nyborg", "4,3", "4,1"],
        ["27", "Faaborg-Midtfyn", "5,0", "4,6"], ["41", "Svendborg", "5,6", "5,2"]]
