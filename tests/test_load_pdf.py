"""Word-level PDF rules, on hand-built words and lines (no PDF is opened)."""
from extractors.load_pdf import RawLine, Word, _column_of, _index_for_table, drop_footnote_marks, merge_touching


def _w(text, x0, x1, top, bottom, size, bold=False):
    return Word(text=text, x0=x0, x1=x1, top=top, bottom=bottom, size=size, bold=bold)


def _texts(words):
    return [w.text for w in words]


# ---------------------------------------------------------------- small caps
def test_load_pdf_small_caps_pieces_are_joined():
    # "INDSATSER" set in small caps: a 16 pt "I" and a 12 pt "NDSATSER" on one baseline, touching
    words = [_w("I", 72.0, 77.5, 100.0, 116.0, 16.0, bold=True),
             _w("NDSATSER", 77.9, 150.0, 104.3, 116.2, 12.0, bold=True)]
    assert merge_touching(words) == [_w("INDSATSER", 72.0, 150.0, 100.0, 116.2, 16.0, bold=True)]


def test_load_pdf_small_caps_heading_of_two_words_keeps_its_space():
    words = [_w("S", 72.0, 80.0, 200.0, 216.0, 16.0), _w("TATUS", 80.5, 118.0, 204.0, 216.0, 12.0),
             _w("2", 122.5, 131.0, 200.0, 216.0, 16.0), _w("023", 131.2, 152.0, 204.0, 216.0, 12.0)]
    assert _texts(merge_touching(words)) == ["STATUS", "2023"]


def test_load_pdf_words_with_a_space_gap_stay_apart():
    # different sizes on one baseline but a normal space (4 pt) between them
    words = [_w("Plan", 72.0, 100.0, 100.0, 116.0, 16.0), _w("2025", 104.0, 130.0, 104.0, 116.0, 12.0)]
    assert _texts(merge_touching(words)) == ["Plan", "2025"]


def test_load_pdf_touching_words_of_one_size_are_not_joined():
    words = [_w("Jobcenter", 72.0, 120.0, 100.0, 111.0, 11.0), _w("Thisted", 121.0, 158.0, 100.0, 111.0, 11.0)]
    assert _texts(merge_touching(words)) == ["Jobcenter", "Thisted"]


# ---------------------------------------------------------------- footnote marks
def test_load_pdf_raised_footnote_mark_is_dropped():
    # "… udgør 38 %.³ Målet …": a 7 pt "3" raised above the 11 pt baseline, right after "%."
    words = [_w("udgør", 72.0, 100.0, 300.0, 311.0, 11.0), _w("38", 103.0, 114.0, 300.0, 311.0, 11.0),
             _w("%.", 115.5, 126.0, 300.0, 311.0, 11.0), _w("3", 126.4, 130.0, 298.5, 305.5, 7.0),
             _w("Målet", 133.0, 160.0, 300.0, 311.0, 11.0)]
    touched = merge_touching(words)
    assert _texts(touched) == ["udgør", "38", "%.", "3", "Målet"]     # not on the baseline: not joined
    assert _texts(drop_footnote_marks(touched)) == ["udgør", "38", "%.", "Målet"]


def test_load_pdf_two_digit_footnote_mark_after_a_word_is_dropped():
    words = [_w("sygemeldte", 72.0, 125.0, 400.0, 411.0, 11.0), _w("12", 125.8, 133.0, 398.0, 405.0, 7.0),
             _w("i", 136.0, 139.0, 400.0, 411.0, 11.0)]
    assert _texts(drop_footnote_marks(words)) == ["sygemeldte", "i"]


def test_load_pdf_footnote_text_keeps_its_number():
    # the footnote itself at the foot of the page: "4 Andelen er opgjort …" in 8 pt; its number
    # is the size of its own text and starts a new line far left of the last body word
    words = [_w("virksomheder.", 450.0, 520.0, 700.0, 711.0, 11.0),
             _w("4", 72.0, 76.0, 780.0, 788.0, 8.0), _w("Andelen", 78.0, 108.0, 780.0, 788.0, 8.0),
             _w("er", 110.0, 118.0, 780.0, 788.0, 8.0), _w("opgjort", 120.0, 146.0, 780.0, 788.0, 8.0)]
    assert _texts(drop_footnote_marks(words)) == ["virksomheder.", "4", "Andelen", "er", "opgjort"]


def test_load_pdf_same_size_number_after_a_word_is_kept():
    words = [_w("mindst", 72.0, 104.0, 300.0, 311.0, 11.0), _w("45", 106.5, 118.0, 300.0, 311.0, 11.0),
             _w("forløb", 121.0, 150.0, 300.0, 311.0, 11.0)]
    assert _texts(drop_footnote_marks(words)) == ["mindst", "45", "forløb"]


def test_load_pdf_small_number_on_the_baseline_is_kept():
    # a small number that sits on the baseline (not raised) is text, e.g. a table index
    words = [_w("Tabel", 72.0, 100.0, 300.0, 311.0, 11.0), _w("7", 102.5, 107.0, 303.0, 310.8, 8.0)]
    assert _texts(drop_footnote_marks(words)) == ["Tabel", "7"]


# ---------------------------------------------------------------- tables on two-column pages
def _line(text, x0, x1, top, column, size=10.0):
    return RawLine(words=[_w(text, x0, x1, top, top + size, size)], column=column)


def _two_column_page():
    """A full-width heading, then the left column (57–285) and the right column (310–540)
    in reading order."""
    return [_line("Virksomhedsservice i Struer", 57, 540, 60, 0, 16.0),
            _line("venstre 1", 57, 285, 100, 1), _line("venstre 2", 57, 285, 200, 1),
            _line("venstre 3", 57, 285, 320, 1), _line("venstre 4", 57, 285, 450, 1),
            _line("højre 1", 310, 540, 100, 2), _line("højre 2", 310, 540, 200, 2),
            _line("højre 3", 310, 540, 450, 2), _line("højre 4", 310, 540, 560, 2)]


def test_load_pdf_table_in_right_column_follows_right_column_text():
    lines = _two_column_page()
    bbox = (310.0, 260.0, 540.0, 420.0)          # between "højre 2" and "højre 3"
    assert _column_of(lines, bbox) == 2
    index = _index_for_table(lines, bbox)
    assert (index, lines[index].text) == (7, "højre 3")     # not before "venstre 3", the left line below its top


def test_load_pdf_table_in_left_column_follows_left_column_text():
    lines = _two_column_page()
    bbox = (57.0, 240.0, 285.0, 300.0)
    assert _column_of(lines, bbox) == 1
    index = _index_for_table(lines, bbox)
    assert (index, lines[index].text) == (3, "venstre 3")


def test_load_pdf_table_at_foot_of_right_column_goes_after_it():
    lines = _two_column_page()
    bbox = (310.0, 600.0, 540.0, 700.0)          # below every line of the right column
    assert _column_of(lines, bbox) == 2
    assert _index_for_table(lines, bbox) == len(lines)


def test_load_pdf_table_across_both_columns_goes_before_the_next_full_width_line():
    lines = _two_column_page() + [_line("Kilde: Jobindsats", 57, 540, 720, 0)]
    bbox = (57.0, 600.0, 540.0, 700.0)
    assert _column_of(lines, bbox) == 0
    assert _index_for_table(lines, bbox) == 9


def test_load_pdf_table_on_a_one_column_page():
    lines = [_line("linje 1", 57, 540, 100, 0), _line("linje 2", 57, 540, 300, 0)]
    assert _column_of(lines, (57.0, 200.0, 540.0, 250.0)) == 0
    assert _index_for_table(lines, (57.0, 200.0, 540.0, 250.0)) == 1
    assert _index_for_table(lines, (57.0, 400.0, 540.0, 450.0)) == 2


def test_load_pdf_full_width_table_at_the_foot_of_a_two_column_page_goes_last():
    lines = _two_column_page()
    assert _index_for_table(lines, (57.0, 600.0, 540.0, 700.0)) == len(lines)


def test_load_pdf_ligatures_and_unmapped_glyphs():
    from extractors.wording import fix_ligatures, unmapped_share
    assert fix_ligatures("ﬂere ledige skal opkvaliﬁceres") == "flere ledige skal opkvalificeres"
    assert unmapped_share(["(cid:71)(cid:72)", "(cid:3)", "Plan"]) > 0.3
    assert unmapped_share(["Beskæftigelsesplan", "2021"]) == 0.0
