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
