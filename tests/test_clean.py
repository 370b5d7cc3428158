from conftest import ROOT, make_doc

from extractors.clean import (clean_document, flag_front_matter_noise, flag_related_documents,
                              join_hyphenated, split_flat_text)
from models.document import LineFlag


def test_clean_hyphen_inside_word_is_removed():
    assert join_hyphenated("beskæftigelses-", "indsatsen skal") == "beskæftigelsesindsatsen skal"


def test_clean_compound_hyphen_is_kept():
    assert join_hyphenated("A-", "dagpenge") == "A-dagpenge"
    assert join_hyphenated("på a-", "dagpenge") == "på a-dagpenge"
    assert join_hyphenated("social-", "og beskæftigelsesområdet") == "social- og beskæftigelsesområdet"
    assert join_hyphenated("IGU-", "forløb") == "IGU-forløb"
    assert join_hyphenated("Nord-", "Norge") == "Nord-Norge"


def test_clean_plain_lines_join_with_space():
    assert join_hyphenated("flere borgere", "i job") == "flere borgere i job"


def test_clean_related_documents_list_is_flagged_until_transcript():
    doc = make_doc(["Beskæftigelsesplan 2018 Jobcenter X", "Relaterede dokumenter",
                    "Beskæftigelsesplan 2017 Nyborg Kommune", "Udkast til plan for Varde Kommune",
                    "Transkript:", "BESKÆFTIGELSESPLAN 2018 Jobcenter X"])
    flag_related_documents(doc)
    assert [bool(ln.flags) for ln in doc.lines] == [True, True, True, True, True, False]


def test_clean_related_documents_without_transcript_marker():
    doc = make_doc(["Plan 2020", "Relaterede dokumenter", "Beskæftigelsesplan 2017 Holbæk",
                    "Status 2019", "Indledning", "A " * 120])
    flag_related_documents(doc)
    assert [LineFlag.NOISE in ln.flags for ln in doc.lines][:4] == [False, True, True, True]


def test_clean_front_matter_junk_is_flagged_but_title_is_not():
    corpus_text = (ROOT / "corpus" / "text" / "004_d7598ee1c513263d.txt").read_text(encoding="utf-8")
    body = ["Indhold", "Forord", *[p for p in corpus_text.split("\n") if len(p) > 80][:20]]
    doc = make_doc(["BESKÆFTIGELSESPLAN 2021", "HOLBÆK KOMMUNE", "Dulux Trade", "Netto vægt: 5 kg",
                    "Udkast", *body])
    flag_front_matter_noise(doc)
    flagged = [ln.text for ln in doc.lines if LineFlag.NOISE in ln.flags]
    assert flagged == ["Dulux Trade", "Netto vægt: 5 kg"]


def test_clean_running_header_and_page_numbers_are_flagged():
    lines = []
    for page in (1, 2, 3, 4):
        lines.append(("Beskæftigelsesplan 2020 · Jobcenter X", {"page": page, "bbox": (50, 20, 300, 30)}))
        lines.append((f"Brødtekst på side {page} med mange ord", {"page": page, "bbox": (50, 300, 500, 312)}))
        lines.append((f"Side {page} af 4", {"page": page, "bbox": (250, 800, 300, 810)}))
    doc = make_doc(lines, fmt="pdf")
    from models.document import Page
    doc.pages = [Page(number=n, width=595, height=842) for n in (1, 2, 3, 4)]
    clean_document(doc)
    kept = [ln.text for ln in doc.content_lines()]
    assert kept == [f"Brødtekst på side {p} med mange ord" for p in (1, 2, 3, 4)]


def test_clean_flattened_text_splits_sentences_and_inline_headings():
    parts = split_flat_text("Indledning 1.1 Baggrund Planen udtrykker grundlaget. Den er bl.a. godkendt af "
                            "udvalget. For 2018 er følgende mål meldt ud: 1. Flere i job 2. Færre på ydelse")
    assert parts == ["Indledning", "1.1 Baggrund Planen udtrykker grundlaget.",
                     "Den er bl.a. godkendt af udvalget.", "For 2018 er følgende mål meldt ud:",
                     "1. Flere i job", "2. Færre på ydelse"]


# ---------------------------------------------------------------- flattened transcripts
S1 = "Jobcenter Lemvig har i 2022 arbejdet med flere virksomhedsrettede forløb for borgere på kanten af arbejdsmarkedet. "
S2 = "Samarbejdet med de lokale virksomheder er udbygget, og flere ledige er kommet i ordinære timer. "


def test_clean_flattened_transcript_found_by_share_of_long_lines():
    from extractors.clean import split_flattened_lines
    page1 = (S1 + S2) * 4 + "Vi vil: Etablere et nyt mentorkorps. Målsætning: Mindst 40 nye aftaler i 2023."
    page2 = (S2 + S1) * 3 + "Status: Godt på vej."
    assert 600 < len(page2) < len(page1) < 1200      # no line passes the old 1200-character mark
    doc = make_doc(["Beskæftigelsesplan 2023", page1, page2])
    split_flattened_lines(doc)
    assert doc.flattened is True
    texts = [ln.text for ln in doc.lines]
    assert texts == (["Beskæftigelsesplan 2023"] + [S1.strip(), S2.strip()] * 4
                     + ["Vi vil:", "Etablere et nyt mentorkorps.", "Målsætning: Mindst 40 nye aftaler i 2023."]
                     + [S2.strip(), S1.strip()] * 3 + ["Status: Godt på vej."])
    assert [ln.para_start for ln in doc.lines][:3] == [True, True, False]
    assert [ln.line_no for ln in doc.lines] == list(range(len(texts)))


def test_clean_normal_paragraphs_are_not_a_flattened_transcript():
    from extractors.clean import split_flattened_lines
    paragraph = ("Kommunen vil i de kommende år styrke den virksomhedsrettede indsats for borgere på kanten "
                 "af arbejdsmarkedet. Det sker i tæt samarbejde med a-kasserne. ") * 2
    long = (S1 + S2) * 7            # two lines longer than 1200 characters among many paragraphs
    lines = ["Beskæftigelsesplan 2023"] + [paragraph] * 20 + [long, long]
    doc = make_doc(lines)
    split_flattened_lines(doc)
    assert doc.flattened is False
    assert [ln.text for ln in doc.lines] == lines


def test_clean_flat_text_cuts_after_an_inline_action_cue():
    assert split_flat_text("Jobcentret styrker samarbejdet med virksomhederne. Vi vil: Etablere et "
                           "erhvervsteam i Vordingborg.") == [
        "Jobcentret styrker samarbejdet med virksomhederne.", "Vi vil:", "Etablere et erhvervsteam i Vordingborg."]
    assert split_flat_text("Tiltag: Oprette et jobcafé-tilbud i Hammel.") == ["Tiltag:", "Oprette et jobcafé-tilbud i Hammel."]
    # a lower-case item after the colon is not a lost list
    assert split_flat_text("Vi vil: fortsætte arbejdet.") == ["Vi vil: fortsætte arbejdet."]


def test_clean_flat_text_cuts_before_an_inline_target_cue():
    assert split_flat_text("Samarbejdet med erhvervslivet skal styrkes Mål for 2021: Andelen af virksomheder "
                           "skal være 35 %.") == [
        "Samarbejdet med erhvervslivet skal styrkes", "Mål for 2021: Andelen af virksomheder skal være 35 %."]
    assert split_flat_text("Borgere i ressourceforløb Resultatkrav: Mindst 20 skal i job.") == [
        "Borgere i ressourceforløb", "Resultatkrav: Mindst 20 skal i job."]
    # "mål for 2020" inside a sentence is no cue
    assert split_flat_text("Der er sat mål for 2020 i planen.") == ["Der er sat mål for 2020 i planen."]


def test_clean_flat_text_cuts_before_a_numbered_heading_after_a_sentence():
    assert split_flat_text("I alt blev der gennemført 180 forløb. 4. Opfølgning og evaluering") == [
        "I alt blev der gennemført 180 forløb.", "4. Opfølgning og evaluering"]
    # an ordinal inside a sentence is no heading
    assert split_flat_text("Vi arbejder i 4. kvartal med nye forløb. Det giver flere i job.") == [
        "Vi arbejder i 4. kvartal med nye forløb.", "Det giver flere i job."]


def test_clean_flat_text_splits_contents_heading_from_first_entry():
    assert split_flat_text("Indholdsfortegnelse 1. Indledning Side 3") == ["Indholdsfortegnelse", "1. Indledning Side 3"]
    assert split_flat_text("Indhold 1. Forord") == ["Indhold", "1. Forord"]
    assert split_flat_text("Indholdsfortegnelse 1. Indledning Side 3 2. Ministerens mål Side 5 3. Lokale mål Side 9") == [
        "Indholdsfortegnelse", "1. Indledning Side 3", "2. Ministerens mål Side 5", "3. Lokale mål Side 9"]
    assert split_flat_text("Indholdet 3. Afsnit") == ["Indholdet 3. Afsnit"]


def test_clean_single_letter_before_hyphen_is_a_compound():
    assert join_hyphenated("modtagere af a-", "dagpenge") == "modtagere af a-dagpenge"
    assert join_hyphenated("for u-", "lande") == "for u-lande"
    # two lower-case letters or more: a word broken at the line end
    assert join_hyphenated("på ar-", "bejdsmarkedet") == "på arbejdsmarkedet"


def test_clean_flat_text_cuts_before_succeskriterium_but_not_inside_a_sentence_at_indhold():
    assert split_flat_text("Samarbejdet skal styrkes Succeskriterium: Mindst 10 nye aftaler.") == [
        "Samarbejdet skal styrkes", "Succeskriterium: Mindst 10 nye aftaler."]
    assert split_flat_text("Se Indhold 2 Forord her") == ["Se Indhold 2 Forord her"]


# ---------------------------------------------------------------- goal and chapter labels over headings
def test_clean_goal_label_line_joins_the_heading_below():
    from extractors.clean import join_goal_labels
    doc = make_doc([("MINISTERMÅL 2", {"page": 3}), ("Flere ledige skal opkvalificeres", {"page": 3}),
                    ("Tekst om opkvalificering i Haderslev.", {"page": 3}),
                    ("Kapitel 3", {"page": 4}), ("Lokale mål", {"page": 4}),
                    ("Mål 4", {"page": 5}), ("Vi har sat ambitiøse mål for året.", {"page": 5}),
                    ("Kapitel 5", {"page": 6}), ("Bilag", {"page": 7})],
                   tables=[(6, [["Ydelse", "2021"], ["Sygedagpenge", "812"]])])
    join_goal_labels(doc)
    assert [ln.text for ln in doc.lines] == [
        "MINISTERMÅL 2: Flere ledige skal opkvalificeres", "Tekst om opkvalificering i Haderslev.",
        "Kapitel 3 Lokale mål", "Mål 4", "Vi har sat ambitiøse mål for året.", "Kapitel 5", "Bilag"]
    assert [ln.line_no for ln in doc.lines] == list(range(7))
    assert doc.lines[doc.tables[0].anchor_line].text == "Vi har sat ambitiøse mål for året."


def test_clean_goal_label_over_a_sentence_or_another_label_stays_apart():
    from extractors.clean import join_goal_labels
    lines = ["Lokalt mål 1", "Kommunen har valgt at styrke indsatsen for de unge.",
             "Ministermål 3", "Ministermål 4", "Kapitel 6", "Ressourceforløb:"]
    doc = make_doc(lines)
    join_goal_labels(doc)
    assert [ln.text for ln in doc.lines] == ["Lokalt mål 1", "Kommunen har valgt at styrke indsatsen for de unge.",
                                             "Ministermål 3", "Ministermål 4", "Kapitel 6", "Ressourceforløb:"]


def _chapter_header_doc(body_texts):
    from models.document import Page
    chapters = ["Indledning", "Arbejdsmarkedet", "Ministerens mål", "Lokale indsatser"]
    lines = []
    for page, (chapter, body) in enumerate(zip(chapters, body_texts), start=1):
        lines.append((f"Beskæftigelsesplan 2021–2022 {chapter}", {"page": page, "bbox": (60, 25, 400, 38)}))
        lines.append((body, {"page": page, "bbox": (60, 300, 520, 312)}))
    doc = make_doc(lines, fmt="pdf")
    doc.pages = [Page(number=n, width=595, height=842) for n in range(1, 5)]
    return doc


def test_clean_running_header_whose_end_changes_per_chapter_is_flagged():
    from extractors.clean import flag_running_headers
    doc = _chapter_header_doc([f"Beskæftigelsesplan 2021–2022 bygger på tal fra Kolding, del {p}." for p in range(1, 5)])
    flag_running_headers(doc)
    assert [(ln.text, sorted(ln.flags)) for ln in doc.lines] == [
        ("Beskæftigelsesplan 2021–2022 Indledning", [LineFlag.HEADER]),
        ("Beskæftigelsesplan 2021–2022 bygger på tal fra Kolding, del 1.", []),
        ("Beskæftigelsesplan 2021–2022 Arbejdsmarkedet", [LineFlag.HEADER]),
        ("Beskæftigelsesplan 2021–2022 bygger på tal fra Kolding, del 2.", []),
        ("Beskæftigelsesplan 2021–2022 Ministerens mål", [LineFlag.HEADER]),
        ("Beskæftigelsesplan 2021–2022 bygger på tal fra Kolding, del 3.", []),
        ("Beskæftigelsesplan 2021–2022 Lokale indsatser", [LineFlag.HEADER]),
        ("Beskæftigelsesplan 2021–2022 bygger på tal fra Kolding, del 4.", [])]


def test_clean_top_margin_line_on_one_page_only_is_not_a_running_header():
    from extractors.clean import flag_running_headers
    from models.document import Page
    lines = [("Kolding Kommunes plan for indsatsen", {"page": 1, "bbox": (60, 25, 400, 38)})]
    for page in (1, 2, 3, 4):
        lines.append((f"Brødtekst om Kolding på side {page}.", {"page": page, "bbox": (60, 300, 520, 312)}))
    doc = make_doc(lines, fmt="pdf")
    doc.pages = [Page(number=n, width=595, height=842) for n in range(1, 5)]
    flag_running_headers(doc)
    assert [ln.flags for ln in doc.lines] == [set()] * 5


def test_clean_page_start_with_plus_or_o_bullet_starts_a_paragraph():
    from extractors.clean import fix_page_break_paragraphs
    doc = make_doc([("Jobcentret vil i Hedensted blandt andet", {"page": 1}),
                    ("+ styrke kontakten til virksomhederne", {"page": 2, "para_start": False}),
                    ("sammen med erhvervsrådet og", {"page": 2, "para_start": False}),
                    ("o udvide mentorordningen for unge", {"page": 3, "para_start": False}),
                    ("og andre nye tilbud", {"page": 4, "para_start": True})])
    fix_page_break_paragraphs(doc)
    assert [ln.para_start for ln in doc.lines] == [True, True, False, True, False]
