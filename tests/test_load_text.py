from extractors.load_text import decode_bytes, load_text, text_to_document
from models.document import LineFlag
from pipeline.run import process_file


def test_load_text_falls_back_to_cp1252():
    raw = "Beskæftigelsesplan for Tårnby".encode("cp1252")
    assert decode_bytes(raw) == "Beskæftigelsesplan for Tårnby"


def test_load_text_markdown_headings_and_emphasis():
    doc = text_to_document("## **1. Flere ledige skal opkvalificeres**\n\nTekst med *kursiv* og [link](http://x.dk).")
    assert doc.lines[0].heading_level == 2
    assert doc.lines[0].text == "1. Flere ledige skal opkvalificeres"
    assert doc.lines[0].bold
    assert doc.lines[1].text == "Tekst med kursiv og link."


def test_load_text_tab_rows_become_a_table_with_html_cells():
    text = ("Intro\n\n<b>Ministermål</b>\t<b>Indsatsområder</b>\n"
            "<ol><li>1. Alle ledige</li><li>2. Flere ledige</li></ol>\t<p>Unge</p> <p>Integration</p>\n\nEfter")
    doc = text_to_document(text)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.rows[0].texts == ["Ministermål", "Indsatsområder"]
    assert table.rows[1].cells[0].paragraphs == ["1. Alle ledige", "2. Flere ledige"]
    assert table.rows[1].cells[1].paragraphs == ["Unge", "Integration"]
    assert table.anchor_line == 1 and doc.lines[1].text == "Efter"


def test_load_text_markdown_table_skips_separator_row():
    doc = text_to_document("| Ydelse | Antal |\n|---|---|\n| Sygedagpenge | 626 |\n")
    assert [r.texts for r in doc.tables[0].rows] == [["Ydelse", "Antal"], ["Sygedagpenge", "626"]]


def test_load_text_flattened_page_markers_open_pages():
    doc = text_to_document("Forside\nSide 1 af 3 Indhold her\nSide 2 af 3 Indledning og mere tekst")
    pages = {ln.text: ln.page for ln in doc.lines if not ln.flags}
    assert pages == {"Forside": None, "Indhold her": 1, "Indledning og mere tekst": 2}


def test_load_text_footer_marker_closes_its_page():
    doc = text_to_document("Første side\n\nSide 1 af 2\n\nAnden side\n\nSide 2 af 2\n")
    content = {ln.text: ln.page for ln in doc.lines if not ln.flags}
    assert content == {"Første side": 1, "Anden side": 2}
    assert all(LineFlag.PAGE_MARKER in ln.flags for ln in doc.lines if ln.text.startswith("Side"))


def test_load_text_form_feed_starts_a_page():
    doc = text_to_document("a\fb\fc")
    assert [ln.page for ln in doc.lines] == [1, 2, 3]


def test_load_text_blank_line_starts_paragraph():
    doc = text_to_document("Første linje\nfortsætter her\n\nNyt afsnit")
    assert [ln.para_start for ln in doc.lines] == [True, False, True]


def test_load_text_tab_after_a_lone_bullet_is_text():
    doc = text_to_document("Indsatser\n\n•\tUdvide samarbejdet med a-kasserne\n•\tStyrke den tidlige kontakt\n\nEfter")
    assert doc.tables == []
    assert [ln.text for ln in doc.lines] == ["Indsatser", "• Udvide samarbejdet med a-kasserne",
                                             "• Styrke den tidlige kontakt", "Efter"]


def test_load_text_tab_after_a_list_number_or_letter_is_text():
    for raw, text in [("-\tHolde flere samtaler", "- Holde flere samtaler"), ("1.\tFørste punkt", "1. Første punkt"),
                      ("a)\tFørste punkt", "a) Første punkt")]:
        doc = text_to_document(raw + "\n")
        assert (doc.tables, [ln.text for ln in doc.lines]) == ([], [text]), raw


def test_load_text_tab_after_a_dotted_heading_number_is_text():
    doc = text_to_document("3.2\tVirksomhedsservice\n\nTekst her.\n\n2.1.3\tUnderafsnit\n")
    assert doc.tables == []
    assert [ln.text for ln in doc.lines] == ["3.2 Virksomhedsservice", "Tekst her.", "2.1.3 Underafsnit"]


def test_load_text_real_tab_rows_stay_a_table():
    doc = text_to_document("Ydelse\tAntal\nSygedagpenge\t412\n")
    assert [r.texts for r in doc.tables[0].rows] == [["Ydelse", "Antal"], ["Sygedagpenge", "412"]]
    # a plain number or a year in the first cell is a value, not a marker
    for raw, cells in [("12\tLedige", ["12", "Ledige"]), ("2019\tStatus", ["2019", "Status"])]:
        doc = text_to_document(raw + "\n")
        assert [r.texts for r in doc.tables[0].rows] == [cells], raw


def test_load_text_utf16_with_bom_and_ligatures_are_read(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes("Beskæftigelsesplan 2020\nJobcenter Odense\n\nVi vil have ﬂere ledige i job.\n".encode("utf-16"))
    assert process_file(path).document.status != "failed"
    doc = load_text(path, "d0", str(path))
    assert [ln.text for ln in doc.lines] == ["Beskæftigelsesplan 2020", "Jobcenter Odense", "Vi vil have flere ledige i job."]


# ---------------------------------------------------------------- comments, setext headings, link contents, bullets
def test_load_text_html_comments_are_dropped_but_page_breaks_kept():
    doc = text_to_document("Forord fra borgmesteren <!-- rettes af redaktionen -->\n"
                           "<!-- en note\nover to linjer -->\nDen første side slutter her.\f"
                           "Indledning <!-- tekst\fmed sideskift -->\nAnden side\n")
    assert [(ln.text, ln.page) for ln in doc.lines] == [
        ("Forord fra borgmesteren", 1), ("Den første side slutter her.", 1), ("Indledning", 2), ("Anden side", 3)]


def test_load_text_setext_headings_and_a_rule_after_a_blank_line():
    doc = text_to_document("Beskæftigelsesplan 2024 for Vejle\n=================================\n\n"
                           "Indledning\n----------\nTekst om Vejle Kommune.\n\n---\n\nEfter stregen\n")
    assert [(ln.text, ln.heading_level) for ln in doc.lines] == [
        ("Beskæftigelsesplan 2024 for Vejle", 1), ("Indledning", 2), ("Tekst om Vejle Kommune.", None),
        ("Efter stregen", None)]
    assert doc.lines[2].para_start is True


def test_load_text_dashes_under_a_list_item_are_a_rule_not_a_heading():
    doc = text_to_document("Vi vil:\n\n- Styrke samarbejdet med a-kasserne\n---\n\nTekst\n")
    assert [(ln.text, ln.heading_level) for ln in doc.lines] == [
        ("Vi vil:", None), ("- Styrke samarbejdet med a-kasserne", None), ("Tekst", None)]


LINK_CONTENTS = ("Indhold\n\n- [Forord](#forord)\n- [Arbejdsmarkedet i Vejle](#arbejdsmarkedet)\n"
                 "    - [Ledighed](#ledighed)\n- [Mål for 2024](#maal)\n\n# Forord\n\nTekst om planen.\n")


def test_load_text_markdown_link_list_gives_contents_entries():
    doc = text_to_document(LINK_CONTENTS)
    assert [(ln.text, LineFlag.TOC_ENTRY in ln.flags, ln.indent) for ln in doc.lines] == [
        ("Indhold", False, 0.0), ("Forord", True, 0.0), ("Arbejdsmarkedet i Vejle", True, 0.0),
        ("Ledighed", True, 4.0), ("Mål for 2024", True, 0.0), ("Forord", False, 0.0), ("Tekst om planen.", False, 0.0)]


def test_load_text_markdown_link_list_feeds_extract_toc_without_pages():
    from extractors.toc import extract_toc
    entries = extract_toc(text_to_document(LINK_CONTENTS))
    assert [(e.level, e.title, e.printed_page) for e in entries] == [
        (1, "Forord", None), (1, "Arbejdsmarkedet i Vejle", None), (2, "Ledighed", None), (1, "Mål for 2024", None)]


def test_load_text_external_links_and_short_link_lists_are_not_contents():
    from extractors.toc import extract_toc
    doc = text_to_document("Læs mere:\n\n- [Jobindsats](https://www.jobindsats.dk)\n- [STAR](https://star.dk)\n")
    assert [(ln.text, ln.flags) for ln in doc.lines] == [("Læs mere:", set()), ("- Jobindsats", set()), ("- STAR", set())]
    two = text_to_document("- [Forord](#forord)\n- [Mål](#maal)\n\n# Forord\n\nTekst.\n")
    assert extract_toc(two) == []


def test_load_text_plus_and_o_bullets_are_markers_but_plus_number_is_not():
    from extractors.lists import marker_kind, split_marker
    assert split_marker("+ Flere virksomhedspraktikker") == ("+", "Flere virksomhedspraktikker")
    assert split_marker("o Færre sygemeldte i lange forløb") == ("o", "Færre sygemeldte i lange forløb")
    assert marker_kind("+") == "bullet" and marker_kind("o") == "bullet" and marker_kind("a)") == "letter"
    assert split_marker("+ 2,9") == (None, "+ 2,9")
    assert split_marker("+2,9 % flere i job") == (None, "+2,9 % flere i job")
    assert split_marker("om året") == (None, "om året")
    assert split_marker("o") == (None, "o")


def test_load_text_viewer_footers_give_pages_and_cell_lines_a_table():
    text = "\n".join(["Indledning", "Planen for Middelby.", "2 | Beskæftigelsesplan 2016",
                      "Tabel 1: Fuldtidspersoner", "Ydelse", "2014", "2015", "Ændring",
                      "A-dagpenge", "1.204", "1.101", "-8,6 %", "Kontanthjælp (inkl.", "starthjælp)", "980", "1.010",
                      "+3,1 %", "3 | Beskæftigelsesplan 2016", "Fleksjob", "455", "470", "+3,3 %",
                      "Mål for 2016", "4 | Beskæftigelsesplan 2016"])
    doc = text_to_document(text)
    assert [(ln.text, ln.page) for ln in doc.lines if ln.text.startswith(("Indledning", "Mål for"))] == [
        ("Indledning", 2), ("Mål for 2016", 4)]
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    assert rows == [["Ydelse", "2014", "2015", "Ændring"], ["A-dagpenge", "1.204", "1.101", "-8,6 %"],
                    ["Kontanthjælp (inkl. starthjælp)", "980", "1.010", "+3,1 %"], ["Fleksjob", "455", "470", "+3,3 %"]]


def test_load_text_numbers_one_per_line_in_prose_are_no_table():
    doc = text_to_document("Vi har tre tal:\n12\n14\nog mere tekst her.\n")
    assert doc.tables == []


def test_load_text_markdown_front_matter_is_dropped_and_pipe_tables_need_no_outer_pipes():
    md = ("---\ntitle: \"Beskæftigelsesplan 2022 – UDKAST\"\nstatus: udkast\n---\n\n# Beskæftigelsesplan 2022\n\n"
          "Ydelse | 2020 | 2021\n--- | ---: | ---:\nA-dagpenge | 612 | 577\nKontanthjælp | 544 | 528\n")
    doc = text_to_document(md, fmt="markdown")
    assert [ln.text for ln in doc.lines] == ["Beskæftigelsesplan 2022"]
    assert [[c.text for c in r.cells] for r in doc.tables[0].rows] == [
        ["Ydelse", "2020", "2021"], ["A-dagpenge", "612", "577"], ["Kontanthjælp", "544", "528"]]
