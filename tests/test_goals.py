from conftest import make_doc

from extractors.goals import extract_goals, find_goal_year
from extractors.outline import build_outline
from extractors.tables import normalise_tables
from extractors.toc import extract_toc


def _goals(lines, plan_year, tables=None, fmt="text"):
    doc = make_doc(lines, tables=tables, fmt=fmt)
    toc = extract_toc(doc)
    sections = build_outline(doc, toc)
    goals, warnings = extract_goals(doc, sections, plan_year, toc)
    return [(g.kind, g.minister_goal_key, g.text) for g in goals], goals, warnings


H = {"heading_level": 2}
BODY = "Her beskriver kommunen indsatsen under målet med flere ord og sætninger i et langt afsnit."


def test_goals_prefixed_headings_in_many_spellings():
    got, _, _ = _goals([("Beskæftigelsesmål 1: Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på offentlig forsørgelse", H), BODY,
                        ("Ministerens mål 2 - Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft", H), BODY,
                        ("Ministermål 3: Flere flygtninge og familiesammenførte skal være selvforsøgende", H), BODY], 2018)
    assert got == [("minister", "2018-1", "Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på offentlig forsørgelse"),
                   ("minister", "2018-2", "Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft"),
                   ("minister", "2018-3", "Flere flygtninge og familiesammenførte skal være selvforsøgende")]


def test_goals_intro_list_and_sections_are_one_goal_each():
    lines = ["Beskæftigelsesministeren har udmeldt fem mål. Disse fem mål danner grundlag for indsatsen:",
             "1. Alle ledige skal have en værdig sagsbehandling", "2. Flere ledige skal opkvalificeres",
             ("1. Alle ledige skal have en værdig sagsbehandling", H), BODY,
             ("2. Flere ledige skal opkvalificeres", H), BODY]
    got, goals, _ = _goals(lines, 2022)
    assert got == [("minister", "2022-1", "Alle ledige skal have en værdig sagsbehandling"),
                   ("minister", "2022-2", "Flere ledige skal opkvalificeres")]
    assert [g.line_start for g in goals] == [3, 5]      # the section heading's place


def test_goals_suffix_tag_and_numbered_sibling_run():
    lines = [("6. Særlige indsatsområder", H), BODY,
             ("6.1 Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft (ministermål)", {"heading_level": 3}), BODY,
             ("6.2 Flere personer med handicap skal i beskæftigelse (ministermål)", {"heading_level": 3}), BODY,
             ("6.3 Flere unge skal have et fritidsjob", {"heading_level": 3}), BODY]
    got, goals, warnings = _goals(lines, 2020)
    assert got == [("minister", "2020-1", "Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft"),
                   ("minister", "2020-3", "Flere personer med handicap skal i beskæftigelse"),
                   ("local", None, "Flere unge skal have et fritidsjob")]
    assert goals[2].theme == "youth_education"
    assert any("matches no 2020 catalogue goal" in w for w in warnings)


def test_goals_local_goals_named_by_the_municipality():
    lines = ["Målene er følgende:", "1. Flere personer med handicap skal i beskæftigelse",
             "Kommunerne skal have fokus på at øge beskæftigelsen blandt personer med handicap og meget mere.",
             "Holbæk Kommune har fastsat yderligere to mål:",
             "2. Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på offentlig forsørgelse",
             "3. Færre unge på uddannelseshjælp"]
    got, goals, _ = _goals(lines, 2020)
    assert got == [("minister", "2020-3", "Flere personer med handicap skal i beskæftigelse"),
                   ("local", None, "Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på offentlig forsørgelse"),
                   ("local", None, "Færre unge på uddannelseshjælp")]
    assert goals[1].theme == "public_support"


def test_goals_table_of_minister_goals_and_local_areas():
    header = ["Ministermål", "Indsatsområder"]
    cells = ["<ol><li>1. Alle ledige skal have en værdig sagsbehandling</li><li>2. Flere ledige skal opkvalificeres</li></ol>",
             "<ol><li>1. Langtidsledige</li><li>2. Unge</li></ol>"]
    from extractors.load_text import text_to_document
    doc = text_to_document("Planen arbejder med følgende mål:\n\n" + "\t".join(header) + "\n" + "\t".join(cells)
                           + "\n\n## Indsatsområde Unge\n\n" + BODY)
    toc = extract_toc(doc)
    goals, _ = extract_goals(doc, build_outline(doc, toc), 2023, toc)
    assert [(g.kind, g.minister_goal_key, g.text) for g in goals] == [
        ("minister", "2023-1", "Alle ledige skal have en værdig sagsbehandling"),
        ("minister", "2023-2", "Flere ledige skal opkvalificeres"),
        ("local", None, "Langtidsledige"),
        ("local", None, "Unge")]
    assert doc.lines[goals[3].line_start].text == "Indsatsområde Unge"   # the heading's place


def test_goals_year_followed_is_stated_in_the_plan():
    doc = make_doc(["Beskæftigelsesplan 2023", "De gældende ministermål for 2022 fortsætter i 2023."])
    assert find_goal_year(doc, 2023) == 2022
    assert find_goal_year(make_doc(["Målene for 2019 videreføres i 2020."]), 2021) == 2021


def test_goals_wording_drift_still_maps():
    lines = [("Ministermål 3: Flere flygtninge og familiesammenførte til flygtninge skal være selvforsørgende", H), BODY,
             ("Ministermål 4: Flere jobparate personer på kontanthjælp skal i beskæftigelse og flere aktivitetsparate "
              "bliver jobparate eller kommer i beskæftigelse. Der bør i indsatsen være et særligt fokus på kvinder.", H), BODY,
             ("Ministermål 5: Bekæmpelse af socialt bedrageri og fejludbetalinger skal styrkes", H), BODY]
    got, _, _ = _goals(lines, 2019)
    assert [k for _, k, _ in got] == ["2019-3", "2019-4", "2019-5"]


def test_goals_visions_and_guide_marks_are_not_goals():
    lines = [("Vision", H), "Et menneskeligt jobcenter der matcher tiden.",
             ("Pejlemærker for 2021", H), "1. Flere i job", "2. Færre på ydelse",
             ("Sigtelinjer i ungeindsatsen", H), BODY]
    got, _, _ = _goals(lines, 2021)
    assert got == []


def test_goals_a_near_copy_of_another_years_goal_is_local():
    lines = [("Beskæftigelsesmål 1: Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på offentlig forsørgelse", H), BODY]
    got, goals, _ = _goals(lines, 2021)
    assert got == [("local", None, "Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på offentlig forsørgelse")]
    assert goals[0].theme == "public_support"


H3 = {"heading_level": 3}


def test_goals_ministers_goals_heading_holds_goals_and_is_none():
    lines = [("2. Indledning", H), BODY, ("3. MINISTERENS MÅL FOR 2021", H), BODY,
             ("Alle ledige skal have en værdig sagsbehandling", H3), BODY,
             ("Flere ledige skal opkvalificeres", H3), BODY,
             ("Flere personer med handicap skal i beskæftigelse", H3), BODY,
             ("4. Lokale mål i Norddjurs", H), BODY]
    got, goals, _ = _goals(lines, 2021)
    assert got == [("minister", "2021-1", "Alle ledige skal have en værdig sagsbehandling"),
                   ("minister", "2021-2", "Flere ledige skal opkvalificeres"),
                   ("minister", "2021-4", "Flere personer med handicap skal i beskæftigelse")]
    assert [g.line_start for g in goals] == [4, 6, 8]


def test_goals_ministers_goals_in_a_year_heading_in_mixed_case():
    lines = [("1. Ministerens mål i 2022", H), BODY,
             ("Flere ledige skal opkvalificeres", H3), BODY,
             ("Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft", H3), BODY,
             ("Flere personer med handicap skal i beskæftigelse", H3), BODY]
    got, _, _ = _goals(lines, 2022)
    assert got == [("minister", "2022-2", "Flere ledige skal opkvalificeres"),
                   ("minister", "2022-5", "Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft"),
                   ("minister", "2022-4", "Flere personer med handicap skal i beskæftigelse")]


def test_goals_ministers_goals_heading_alone_is_no_goal():
    for title in ("MINISTERENS MÅL FOR 2021", "Ministerens Mål For 2021"):
        got, _, warnings = _goals([(title, H), BODY], 2021)
        assert (got, warnings) == ([], []), title


def test_goals_reworded_goal_among_ministers_goals_is_mapped_with_a_warning():
    lines = [("3. MINISTERENS MÅL FOR 2021", H), BODY,
             ("Alle ledige skal have en værdig sagsbehandling", H3), BODY,
             ("Flere ledige skal opkvalificeres", H3), BODY,
             ("Flere personer med handicap skal i beskæftigelse", H3), BODY,
             ("Flere flygtninge og familiesammenførte skal forsørge sig selv", H3), BODY]
    got, goals, warnings = _goals(lines, 2021)
    assert got[3] == ("minister", "2021-3", "Flere flygtninge og familiesammenførte skal forsørge sig selv")
    assert goals[3].theme == "refugees"
    assert warnings == ["goal 'Flere flygtninge og familiesammenførte skal forsørge sig sel' reads as 2021-3 "
                        "among the Minister's goals around it (score 85)"]


def test_goals_reworded_goal_among_local_goals_stays_local():
    lines = [("4. Særlige fokusområder", H), BODY,
             ("Alle ledige skal have en værdig sagsbehandling", H3), BODY,
             ("Flere unge skal have en uddannelse", H3), BODY,
             ("Flere sygemeldte skal tilbage i job", H3), BODY,
             ("Flere flygtninge og familiesammenførte skal forsørge sig selv", H3), BODY]
    got, _, warnings = _goals(lines, 2021)
    assert got == [("minister", "2021-1", "Alle ledige skal have en værdig sagsbehandling"),
                   ("local", None, "Flere unge skal have en uddannelse"),
                   ("local", None, "Flere sygemeldte skal tilbage i job"),
                   ("local", None, "Flere flygtninge og familiesammenførte skal forsørge sig selv")]
    assert not any("reads as" in w for w in warnings)


def test_goals_other_goal_among_ministers_goals_stays_local():
    lines = [("4. Særlige fokusområder", H), BODY,
             ("Alle ledige skal have en værdig sagsbehandling", H3), BODY,
             ("Flere ledige skal opkvalificeres", H3), BODY,
             ("Flere personer med handicap skal i beskæftigelse", H3), BODY,
             ("Flere unge under 30 skal i fritidsjob", H3), BODY]
    got, _, warnings = _goals(lines, 2021)
    assert [k for k, _, _ in got] == ["minister", "minister", "minister", "local"]
    assert got[3] == ("local", None, "Flere unge under 30 skal i fritidsjob")
    assert not any("reads as" in w for w in warnings)


# ---------------------------------------------------------------- short numbered headings, list items, target tables
MINISTER_LIST_2019 = [
    ("Indledning", H), "Ministeren har fastsat følgende mål for 2019:",
    "1. Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på offentlig forsørgelse",
    "2. Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft",
    "3. Flere flygtninge og familiesammenførte til flygtninge skal være selvforsørgende",
    BODY]


def test_goals_short_numbered_heading_pairs_with_the_listed_ministers_goal():
    got, goals, warnings = _goals(MINISTER_LIST_2019 + [("Mål 3 – Flygtninge i job", H), BODY], 2019)
    assert got == [
        ("minister", "2019-1", "Flere personer skal i beskæftigelse eller uddannelse i stedet for at være på offentlig forsørgelse"),
        ("minister", "2019-2", "Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft"),
        ("minister", "2019-3", "Flygtninge i job")]
    assert goals[2].line_start == 6 and warnings == []


def test_goals_short_numbered_heading_without_a_listed_item_of_its_number_stays_local():
    lines = [ln for ln in MINISTER_LIST_2019 if not (isinstance(ln, str) and ln.startswith("3. "))]
    got, _, warnings = _goals(lines + [("Mål 3 – Flygtninge i job", H), BODY], 2019)
    assert got[-1] == ("local", None, "Flygtninge i job")
    assert [k for _, k, _ in got] == ["2019-1", "2019-2", None]
    assert warnings == ["goal 'Flygtninge i job' matches no 2019 catalogue goal (best 35); stored as local"]


def _pdf_line(text, para_start=True, x=72.0):
    return (text, {"page": 2, "bbox": (x, 100.0, 500.0, 112.0), "para_start": para_start, "font_size": 11.0,
                   "indent": x - 72.0})


def test_goals_list_item_does_not_absorb_the_paragraph_after_it():
    lines = [_pdf_line("Beskæftigelsesministeren har fastsat følgende mål for 2020:"),
             _pdf_line("1. Virksomhederne skal sikres den nødvendige og"),
             _pdf_line("kvalificerede arbejdskraft", False, 86.0),
             _pdf_line("2. Flere flygtninge og familiesammenførte til flygtninge skal være"),
             _pdf_line("selvforsørgende", False, 86.0),
             _pdf_line("Kommunen prioriterer desuden ungeindsatsen i Aabenraa højt i 2020,", False),
             _pdf_line("og den sker i tæt samarbejde med uddannelsesstederne.", False),
             _pdf_line("3. Flere personer med handicap skal i beskæftigelse"),
             _pdf_line("Det gælder også for borgere i fleksjob.", False)]
    got, _, _ = _goals(lines, 2020, fmt="pdf")
    assert got == [("minister", "2020-1", "Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft"),
                   ("minister", "2020-2", "Flere flygtninge og familiesammenførte til flygtninge skal være selvforsørgende"),
                   ("minister", "2020-3", "Flere personer med handicap skal i beskæftigelse")]


def _goals_with_target_table(lines, rows, anchor, year):
    from extractors.tables import normalise_tables
    doc = make_doc(lines, tables=[(anchor, rows)])
    toc = extract_toc(doc)
    sections = build_outline(doc, toc)
    tables = normalise_tables(doc)
    goals, _ = extract_goals(doc, sections, year, toc, tables)
    return sections, tables, goals


TARGET_ROWS = [["Mål", "Resultatkrav", "Opfølgning"],
               ["Ministermål 3: Flere flygtninge og familiesammenførte til flygtninge skal være selvforsørgende",
                "Mindst 40 flere flygtninge i job", "Kvartalsvis"],
               ["Lokalt fokus på unge", "Flere unge i uddannelse", "Årligt"]]


def test_goals_target_table_goal_cell_loses_its_label_and_keeps_its_number():
    from extractors.goals import target_table_candidates
    sections, tables, goals = _goals_with_target_table(
        [("Resultatkrav for 2020", H), "Tabellen viser kravene for Tønder.", "Efter"], TARGET_ROWS, 2, 2020)
    cands = target_table_candidates(tables, sections, 2020)
    assert [(c.text, c.number) for c in cands] == [
        ("Flere flygtninge og familiesammenførte til flygtninge skal være selvforsørgende", "3")]
    assert [(g.kind, g.minister_goal_key, g.text) for g in goals] == [
        ("minister", "2020-2", "Flere flygtninge og familiesammenførte til flygtninge skal være selvforsørgende")]


def test_goals_short_numbered_heading_pairs_with_a_labelled_target_table_cell():
    rows = [TARGET_ROWS[0], ["Ministermål 2: Flere flygtninge og familiesammenførte til flygtninge skal være selvforsørgende",
                             "Mindst 40 flere flygtninge i job", "Kvartalsvis"]]
    _, _, goals = _goals_with_target_table(
        [("Mål 2 – Integration på arbejdsmarkedet", H), BODY, ("Resultatkrav for 2020", H), "Tabellen viser kravene.",
         "Efter"], rows, 4, 2020)
    assert [(g.kind, g.minister_goal_key, g.text) for g in goals] == [
        ("minister", "2020-2", "Integration på arbejdsmarkedet")]


def test_goals_listed_inside_a_sentence_are_candidates():
    _, goals, _ = _goals(["Beskæftigelsesministeren har for 2017 fastsat fire mål: at virksomhederne skal sikres den "
                       "nødvendige og kvalificerede arbejdskraft, at flere unge skal have en uddannelse, at borgere i "
                       "udkanten af arbejdsmarkedet, herunder langtidsledige, skal tættere på arbejdsmarkedet, og at "
                       "flere flygtninge og familiesammenførte skal være selvforsørgende. Planen handler om det."], 2017)
    assert [(g.kind, g.minister_goal_key) for g in goals] == [
        ("minister", "2017-1"), ("minister", "2017-2"), ("minister", "2017-3"), ("minister", "2017-4")]
    assert goals[1].text == "flere unge skal have en uddannelse"


def test_goals_a_sentence_of_reasons_with_at_is_no_goal_list():
    _, goals, _ = _goals(["Reformen har to formål: at borgerne skal have mere tid, og at sagerne skal være kortere."], 2017)
    assert goals == []


def test_goals_theme_headings_after_a_goal_table_take_the_goals():
    h2, h3 = {"heading_level": 2}, {"heading_level": 3}
    rows = [["Ministermål", "Resultatmål 2015"], ["Flere unge skal have en uddannelse", "Mindst 40 % skal starte"],
            ["Langtidsledigheden skal bekæmpes", "Højst 500 langtidsledige"]]
    doc = make_doc([("3 Ministerens mål", h2), "Tabellen viser målene.",
                    ("3.1 Unge og uddannelse", h3), BODY, ("3.2 Langtidsledighed", h3), BODY], tables=[(2, rows)])
    toc = extract_toc(doc)
    sections = build_outline(doc, toc)
    goals, _ = extract_goals(doc, sections, 2015, toc, normalise_tables(doc))
    assert [(g.number_in_doc, g.text, g.minister_goal_key) for g in goals] == [
        ("3.1", "Unge og uddannelse", "2015-1"), ("3.2", "Langtidsledighed", "2015-3")]
