from conftest import make_doc

from extractors.actions import extract_actions
from extractors.goals import extract_goals
from extractors.outline import build_outline
from extractors.toc import extract_toc

H = {"heading_level": 2}
GOAL = ("Ministermål 2: Flere ledige skal opkvalificeres", H)


def _actions(lines, fmt="text", year=2022):
    doc = make_doc(lines, fmt=fmt)
    toc = extract_toc(doc)
    sections = build_outline(doc, toc)
    goals, _ = extract_goals(doc, sections, year, toc)
    return extract_actions(doc, sections, goals), goals


def test_actions_vi_vil_numbered_list_linked_to_goal():
    actions, goals = _actions([GOAL, "Arbejdsmarkedet er i konstant udvikling og mangler faglært arbejdskraft.",
                               "Vi vil:", "1. Styrke fokus på efter- og videreuddannelse.",
                               "2. Fastholde overvågningen af effekterne af opkvalificering."])
    assert [(a.cue, a.text) for a in actions] == [
        ("Vi vil:", "Styrke fokus på efter- og videreuddannelse."),
        ("Vi vil:", "Fastholde overvågningen af effekterne af opkvalificering.")]
    assert {a.goal_id for a in actions} == {goals[0].goal_id}


def test_actions_cue_variants_and_bullets():
    for cue in ("Det gør vi ved at:", "Initiativer:", "Indsatser:", "Særlige indsatsområder i 2022:",
                "I 2022 vil vi:", "Jobcentret vil i 2022:"):
        actions, _ = _actions([GOAL, "Tekst om målet.", cue, "• Etablere et nyt forløb for ledige",
                               "▪ Udvide samarbejdet med a-kasserne"])
        assert [a.text for a in actions] == ["Etablere et nyt forløb for ledige",
                                             "Udvide samarbejdet med a-kasserne"], cue
        assert actions[0].cue == cue


def test_actions_items_wrap_and_run_over_a_page_break():
    pdf = lambda page, para=True, indent=0.0: {"page": page, "para_start": para, "indent": indent,
                                              "font_size": 11.0, "bbox": (70, 100, 500, 112)}
    lines = [(GOAL[0], {"font_size": 14.0, "bold": True, "page": 1, "bbox": (70, 50, 500, 64)}),
             ("Arbejdsmarkedet er i konstant udvikling og mangler faglært arbejdskraft i mange brancher.", pdf(1)),
             ("Vi vil:", pdf(1)),
             ("• Styrke fokus på efter- og videreuddannelse af ledige, så flere får", pdf(1)),
             ("et uddannelsesløft inden for de brancher, der mangler arbejds-", pdf(1, False, 10.0)),
             ("kraft.", pdf(2, False, 10.0)),
             ("• Udbrede kendskabet til opkvalificering", pdf(2))]
    actions, _ = _actions(lines, fmt="pdf")
    assert [a.text for a in actions] == [
        "Styrke fokus på efter- og videreuddannelse af ledige, så flere får et uddannelsesløft inden "
        "for de brancher, der mangler arbejdskraft.",
        "Udbrede kendskabet til opkvalificering"]
    assert (actions[0].page, actions[0].line_end) == (1, 5)


def test_actions_sub_items_keep_their_parent():
    actions, _ = _actions([GOAL, "Vi vil:", "1. Styrke det tværkommunale samarbejde.",
                           ("- Styrket koordinering af efter- og videreuddannelse.", {"indent": 2.0}),
                           ("- Deltage i netværk om rekruttering.", {"indent": 2.0}),
                           "2. Inspirere virksomheder til at arbejde med CSR."])
    assert [(a.text[:19], (a.parent_text or "")[:19]) for a in actions] == [
        ("Styrke det tværkomm", ""), ("Styrket koordinerin", "Styrke det tværkomm"),
        ("Deltage i netværk o", "Styrke det tværkomm"), ("Inspirere virksomhe", "")]
    assert actions[1].parent_id == actions[0].action_id


def test_actions_target_goal_and_fact_lists_are_not_actions():
    actions, _ = _actions([GOAL, "Mål for 2022:", "- at øge andelen af ledige i uddannelse",
                           "- at nedbringe ledigheden", "Disse mål danner grundlag for indsatsen:",
                           "1. Flere ledige skal opkvalificeres", "Reformerne er:", "• Kontanthjælpsreformen",
                           "• Sygedagpengereformen", "Centrale elementer er blandt andet:", "- Borgerinddragelse",
                           "- Tidlig indsats"])
    assert actions == []


def test_actions_verb_led_list_after_a_lead_in():
    actions, _ = _actions([GOAL, "Målet med de nye samtaler er, at", "- skabe et fælles fagligt rum",
                           "- sikre kvalitet i samtalerne", "- inddrage borgerne"])
    assert [a.text for a in actions] == ["skabe et fælles fagligt rum", "sikre kvalitet i samtalerne",
                                         "inddrage borgerne"]
    assert actions[0].cue == "Målet med de nye samtaler er, at"


PIECE = {"para_start": False}      # how clean.split_flattened_lines leaves the sentences of one long line


def _flat_actions(lines, flattened):
    doc = make_doc(lines)
    doc.flattened = flattened
    toc = extract_toc(doc)
    sections = build_outline(doc, toc)
    goals, _ = extract_goals(doc, sections, 2022, toc)
    return extract_actions(doc, sections, goals), goals


FLAT_PLAN = [GOAL, "Jobcenter Vejen oplever mangel på faglærte inden for byggeri og industri.",
             ("Vi vil:", PIECE), ("Etablere et samarbejde med erhvervsskolen om korte kurser.", PIECE),
             ("Holde uddannelsessamtaler med alle ledige over 30 år.", PIECE),
             ("Målsætning: Mindst 120 ledige starter i opkvalificering i 2022.", PIECE),
             ("Udbygge brugen af jobrotation.", PIECE)]


def test_actions_flattened_verb_led_sentences_after_vi_vil_stop_at_a_target():
    actions, goals = _flat_actions(FLAT_PLAN, flattened=True)
    assert [(a.cue, a.text) for a in actions] == [
        ("Vi vil:", "Etablere et samarbejde med erhvervsskolen om korte kurser."),
        ("Vi vil:", "Holde uddannelsessamtaler med alle ledige over 30 år.")]
    assert {a.goal_id for a in actions} == {goals[0].goal_id}


def test_actions_flattened_list_stops_at_a_sentence_without_a_verb():
    actions, _ = _flat_actions([GOAL, ("Vi vil:", PIECE), ("Styrke vejledningen om voksenlærlinge.", PIECE),
                                ("Udvikle et kursus i dansk for ledige.", PIECE),
                                ("Mange ledige mangler grundlæggende færdigheder.", PIECE),
                                ("Afholde jobmesser to gange årligt.", PIECE)], flattened=True)
    assert [a.text for a in actions] == ["Styrke vejledningen om voksenlærlinge.", "Udvikle et kursus i dansk for ledige."]


def test_actions_flattened_sentence_not_led_by_a_verb_gives_no_list():
    actions, _ = _flat_actions([GOAL, ("Vi vil:", PIECE), ("Alle ledige skal tilbydes et kursus.", PIECE),
                                ("Styrke vejledningen om voksenlærlinge.", PIECE)], flattened=True)
    assert actions == []


def test_actions_lines_copied_without_bullets_after_vi_vil_are_items_until_a_target():
    # text copied line by line from a PDF viewer: no bullets, no blank lines; a capital opens an item
    actions, _ = _flat_actions(FLAT_PLAN, flattened=False)
    assert [a.text for a in actions] == ["Etablere et samarbejde med erhvervsskolen om korte kurser.",
                                         "Holde uddannelsessamtaler med alle ledige over 30 år."]
    actions, _ = _flat_actions([GOAL, ("Vi vil:", PIECE), ("Give alle unge en plan og en fast kontaktperson", PIECE),
                                ("inden for den første måned", PIECE), ("Oprette et ungeteam med UU", PIECE)],
                               flattened=False)
    assert [a.text for a in actions] == ["Give alle unge en plan og en fast kontaktperson inden for den første måned",
                                         "Oprette et ungeteam med UU"]


def test_actions_copied_lines_need_an_explicit_cue():
    actions, _ = _flat_actions([GOAL, ("Det er vigtigt:", PIECE), ("Borgerne skal mødes med respekt.", PIECE),
                                ("Virksomhederne skal have hjælp.", PIECE)], flattened=False)
    assert actions == []


def test_actions_target_line_after_a_plain_list_is_not_an_item():
    actions, _ = _actions([GOAL, "Vi vil:", "Tilbyde alle ledige en uddannelsessamtale.",
                           "Udvikle kurser sammen med erhvervsskolen.",
                           "Målsætning: Mindst 12 % af de ledige skal starte på et kursus."])
    assert [a.text for a in actions] == ["Tilbyde alle ledige en uddannelsessamtale.",
                                         "Udvikle kurser sammen med erhvervsskolen."]
