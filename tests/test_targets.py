
from extractors.goals import extract_goals
from extractors.load_text import text_to_document
from extractors.outline import build_outline
from extractors.tables import normalise_tables
from extractors.targets import extract_targets
from extractors.toc import extract_toc


def _targets(doc, year):
    toc = extract_toc(doc)
    sections = build_outline(doc, toc)
    goals, _ = extract_goals(doc, sections, year, toc)
    return extract_targets(doc, sections, goals, normalise_tables(doc), year), goals


def test_targets_prose_cues_in_many_forms():
    doc = text_to_document(
        "## Ministermål 2: Flere ledige skal opkvalificeres\n\nTekst om målet.\n\n"
        "Målsætning: Andelen af ledige i opkvalificering skal øges til 6 %.\n\n"
        "Resultatkrav Holbæk: Antallet af langtidsledige skal nedbringes med 50 fuldtidspersoner\n\n"
        "Succeskriterier: Mindst 80 % af virksomhederne er tilfredse.\n\n"
        "Målet med indsatsen er, at udvikle nye metoder.\n")
    targets, goals = _targets(doc, 2022)
    assert [(t.origin, t.target_value, t.unit, t.direction) for t in targets] == [
        ("prose", 6, "pct", "increase"), ("prose", 50, "full_time_persons", "decrease"),
        ("prose", 80, "pct", "at_least")]
    assert {t.goal_id for t in targets} == {goals[0].goal_id}


def test_targets_cue_standing_alone_heads_a_list():
    doc = text_to_document(
        "## 4. Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft\n\n"
        "Mål for 2021:\n\n- at øge samarbejdsgraden til 30 %\n- at besætte mindst 90 % af jobordrerne\n\n"
        "Den tidlige indsats er et centralt værktøj for jobcentret.\n\n"
        "Fælles resultatkrav:\n\nProjekt Job Nu:\n\nAndelen i job skal udgøre 25 % i 2021\n\n"
        "(Data fra internt system)\n\nEffekten skal være højere end i 2020\n")
    targets, _ = _targets(doc, 2021)
    assert [(t.origin, t.text, t.direction) for t in targets] == [
        ("list", "at øge samarbejdsgraden til 30 %", "increase"),
        ("list", "at besætte mindst 90 % af jobordrerne", "at_least"),
        ("list", "Andelen i job skal udgøre 25 % i 2021", "reach"),
        ("list", "Effekten skal være højere end i 2020", "above")]
    assert targets[0].target_year == 2021 and targets[3].comparator == "2020"


def test_targets_table_with_status_source_and_follow_up_columns():
    doc = text_to_document(
        "## Mål\n\n\tStatus 2020\tMål 2022\tDatakilde\tOpfølgning\n"
        "Flere ledige skal opkvalificeres\tNr. 50 ud af 98\t<p>1. Nr. 40 ud af 98 kommuner</p><p>2. Mindst 300 i opkvalificering</p>\tJobindsats\tKvartalsvis\n"
        "\t12 %\t15 %\tSTAR\tÅrlig\n")
    targets, _ = _targets(doc, 2022)
    assert [(t.text, t.target_value, t.unit, t.baseline_text, t.data_source, t.follow_up, t.target_year)
            for t in targets] == [
        ("Nr. 40 ud af 98 kommuner", 40, "rank", "Nr. 50 ud af 98", "Jobindsats", "Kvartalsvis", 2022),
        ("Mindst 300 i opkvalificering", 300, "count", "Nr. 50 ud af 98", "Jobindsats", "Kvartalsvis", 2022),
        ("15 %", 15, "pct", "12 %", "STAR", "Årlig", 2022)]
    assert all(t.origin == "table" for t in targets)


def test_targets_continuation_row_keeps_the_goal_of_the_row_above():
    doc = text_to_document(
        "## 1. Alle ledige skal have en værdig sagsbehandling\n\nTekst.\n\n"
        "## 2. Flere ledige skal opkvalificeres\n\nTekst.\n\n"
        "## Oversigt\n\nBeskæftigelsesmål\tResultatkrav\n"
        "Flere ledige skal opkvalificeres\tMindst 200 påbegynder et forløb\n"
        "\tAndelen i job efter forløb skal være 40 %\n"
        "Alle ledige skal have en værdig sagsbehandling\tTilfredsheden skal være mindst 85 %\n")
    targets, goals = _targets(doc, 2022)
    by_text = {g.text: g.goal_id for g in goals}
    assert [t.goal_id for t in targets] == [by_text["Flere ledige skal opkvalificeres"]] * 2 + \
        [by_text["Alle ledige skal have en værdig sagsbehandling"]]


def test_targets_status_section_restates_prior_targets():
    doc = text_to_document(
        "## 6. Særlige indsatsområder i 2021\n\nMål for 2021: at nedbringe antallet af sygemeldte med 5 %\n\n"
        "## 7. Status på mål for 2020\n\nSpecifikke mål:\n\n- Sygedagpenge: at andelen nedbringes til 2,5 %\n\n"
        "Resultat: Andelen udgør 2,8 %.\n\n- Fleksjob: som minimum at bevare niveauet for 2019.\n")
    targets, _ = _targets(doc, 2021)
    assert [(t.period, t.target_value) for t in targets] == [("plan", 5), ("prior", 2.5), ("prior", None)]
    assert targets[2].direction == "at_least" and targets[2].target_group == "fleksjob"


def test_targets_split_table_row_over_a_page_break_is_one_requirement():
    doc = text_to_document(
        "## Mål\n\nHvad følges der op på?\tMål\tHvornår?\n"
        "Samtaler\tMindst fire samtaler de første seks måneder. Andelen uden samtale skal være\tMarts\n\n"
        "\tmindre end 20 % i 2022.\t\n")
    targets, _ = _targets(doc, 2022)
    assert len(targets) == 1
    assert targets[0].text.endswith("mindre end 20 % i 2022.")
    assert (targets[0].target_value, targets[0].direction) == (4, "at_most")


def test_targets_succeskriterium_is_a_target_cue():
    doc = text_to_document(
        "## Ministermål 2: Flere ledige skal opkvalificeres\n\nTekst om målet.\n\n"
        "Succeskriterium: Mindst 70 % af kursisterne er i job efter seks måneder.\n\n"
        "Succeskriterierne: Mindst 60 virksomheder deltager i 2023.\n")
    targets, goals = _targets(doc, 2022)
    assert [(t.text, t.target_value, t.unit, t.direction) for t in targets] == [
        ("Mindst 70 % af kursisterne er i job efter seks måneder.", 70, "pct", "at_least"),
        ("Mindst 60 virksomheder deltager i 2023.", 60, "count", "at_least")]
    assert {t.goal_id for t in targets} == {goals[0].goal_id}


def test_targets_numbered_goal_label_is_no_target_cue():
    doc = text_to_document(
        "## Ministermål 2: Flere ledige skal opkvalificeres\n\nTekst om målet.\n\n"
        "Mål 3: Flere ledige skal have et kompetenceløft i 2023\n\n"
        "Mål nr. 4: Flere ledige skal i job\n\n"
        "Mål A: Flere ledige skal tage et AMU-kursus\n\n"
        "Mål: Mindst 50 ledige skal starte på et AMU-kursus i 2023.\n")
    targets, _ = _targets(doc, 2022)
    assert [(t.text, t.target_value) for t in targets] == [("Mindst 50 ledige skal starte på et AMU-kursus i 2023.", 50)]


LABEL_PLAN = ("## Ministermål 2: Flere ledige skal opkvalificeres\n\n"
              "Tekst om målet og om opkvalificering af de ledige i kommunen.\n\n"
              "## Lokalt mål: Færre langtidsledige i Favrskov\n\n"
              "Tekst om de langtidsledige og indsatsen for dem i kommunen.\n\n"
              "## Måltal for 2023\n\n")


def test_targets_label_line_above_a_target_links_its_goal_by_theme():
    doc = text_to_document(LABEL_PLAN + "Langtidsledige over 50 år\n"
                                        "Målsætning: Antallet skal nedbringes med 40 personer i 2023.\n")
    targets, goals = _targets(doc, 2022)
    by_text = {g.text: g.goal_id for g in goals}
    assert [(t.text, t.goal_id) for t in targets] == [
        ("Antallet skal nedbringes med 40 personer i 2023.", by_text["Færre langtidsledige i Favrskov"])]


def test_targets_label_line_above_a_target_links_its_goal_by_wording():
    doc = text_to_document(LABEL_PLAN + "Opkvalificering af ledige\n"
                                        "Målsætning: Antallet skal øges med 40 personer i 2023.\n")
    targets, goals = _targets(doc, 2022)
    by_text = {g.text: g.goal_id for g in goals}
    assert [t.goal_id for t in targets] == [by_text["Flere ledige skal opkvalificeres"]]


def test_targets_sentence_or_list_item_above_a_target_is_no_label():
    for above in ("", "Vi har mange langtidsledige over 50 år.\n", "- Langtidsledige over 50 år\n"):
        doc = text_to_document(LABEL_PLAN + above + "Målsætning: Antallet skal nedbringes med 40 personer i 2023.\n")
        targets, _ = _targets(doc, 2022)
        assert [(t.text, t.goal_id) for t in targets] == [
            ("Antallet skal nedbringes med 40 personer i 2023.", None)], above


# ---------------------------------------------------------------- cues that open a statement, goal statements, earlier years
def test_targets_cue_on_the_second_line_of_a_wrapped_sentence_is_no_cue():
    doc = text_to_document(
        "## Ministermål 2: Flere ledige skal opkvalificeres\n\n"
        "I Herning har vi i de seneste år nået en stor del af de opstillede\n"
        "mål for 2021: de fleste ledige har fået et kursus og mange er kommet i job.\n\n"
        "Værdig sagsbehandling\n"
        "Målsætning: Mindst 85 % af borgerne skal være tilfredse med mødet med jobcentret.\n")
    targets, _ = _targets(doc, 2021)
    assert [(t.text, t.target_value) for t in targets] == [
        ("Mindst 85 % af borgerne skal være tilfredse med mødet med jobcentret.", 85)]


def test_targets_starts_statement_after_a_sentence_end_or_a_short_label():
    from extractors.targets import _starts_statement
    from models.document import Line

    def lines(*pairs):
        return [Line(line_no=i, text=t, para_start=p) for i, (t, p) in enumerate(pairs)]
    wrapped = lines(("Jobcentret i Ikast har fulgt de aftalte resultater tæt, og alle tre", True),
                    ("mål er nået:", False))
    assert _starts_statement(wrapped, 1) is False
    after_sentence = lines(("Jobcentret i Ikast har fulgt de aftalte resultater tæt gennem året.", True),
                           ("Målsætning: Flere i job.", False))
    assert _starts_statement(after_sentence, 1) is True
    after_label = lines(("Værdig sagsbehandling", True), ("Målsætning: Flere i job.", False))
    assert _starts_statement(after_label, 1) is True
    assert _starts_statement(wrapped, 0) is True


def test_targets_goals_carried_over_from_an_earlier_year_lead_goals_not_targets():
    for cue in ("Mål er videreført fra 2019:", "Mål for 2020 er videreført fra 2019:"):
        doc = text_to_document(
            "## Ministerens mål for 2020\n\n" + cue + "\n\n"
            "- Flere personer med handicap skal i beskæftigelse\n"
            "- Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft\n")
        targets, goals = _targets(doc, 2020)
        assert targets == [], cue
        assert [g.minister_goal_key for g in goals] == ["2020-3", "2020-1"], cue
    doc = text_to_document("## Ministerens mål for 2020\n\nMål for 2020:\n\n- Mindst 30 personer med handicap i job\n")
    targets, _ = _targets(doc, 2020)
    assert [(t.text, t.target_value) for t in targets] == [("Mindst 30 personer med handicap i job", 30)]


def test_targets_target_for_an_earlier_year_than_the_plan_is_prior():
    doc = text_to_document(
        "## Flere ledige skal opkvalificeres\n\nTekst om opkvalificering i Ringsted.\n\n"
        "Mål for 2019: Mindst 120 ledige skal starte på et jobrettet kursus.\n\n"
        "Mål for 2021: Mindst 160 ledige skal starte på et jobrettet kursus.\n\n"
        "Mål for 2020: Mindst 140 ledige skal starte på et jobrettet kursus.\n")
    targets, _ = _targets(doc, 2020)
    assert [(t.target_value, t.period, t.target_year) for t in targets] == [
        (120, "prior", 2019), (160, "plan", 2021), (140, "plan", 2020)]


def test_targets_level_column_beside_an_indicator_column_holds_the_targets():
    doc = text_to_document("## Fokusområde 1: Virksomhedsservice i top\n\nTekst om området.\n\n"
                           "Succeskriterium\tMåltal 2019\nSamarbejdsgrad med virksomhederne\tMindst 41 %\n"
                           "Tilfredse virksomheder\tMindst 80 %\n")
    targets, _ = _targets(doc, 2019)
    assert [(t.text, t.target_value, t.unit, t.direction) for t in targets] == [
        ("Mindst 41 %", 41, "pct", "at_least"), ("Mindst 80 %", 80, "pct", "at_least")]


def test_targets_politisk_maalsaetning_is_a_cue_and_the_action_list_after_it_is_not_a_target():
    doc = text_to_document("## Fokusområde 2: Alle unge i gang\n\nPolitisk målsætning:\n\n"
                           "Flere unge skal i uddannelse eller job.\n\nSådan gør vi:\n\n"
                           "- Holde samtaler med alle unge inden for fire uger\n- Tilbyde mentor\n")
    targets, _ = _targets(doc, 2020)
    assert [t.text for t in targets] == ["Flere unge skal i uddannelse eller job."]


def test_targets_dotted_sub_goal_label_is_a_cue():
    doc = text_to_document("## Mål 1: Alle ledige skal have en værdig sagsbehandling\n\n"
                           "Mål 1.1: Mindst 90 % af borgerne skal føle sig mødt med respekt.\n")
    targets, _ = _targets(doc, 2021)
    assert [(t.text, t.target_value) for t in targets] == [
        ("Mindst 90 % af borgerne skal føle sig mødt med respekt.", 90)]
