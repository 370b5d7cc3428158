"""The real pipeline on corpus/, scored against golden/ (written by reading)."""
import duckdb
import pytest

pytestmark = pytest.mark.corpus

EXPECTED_META = {
    "000_11a39eb46d51ec46": ("Fredericia", 607, [], 2019, False),
    "001_3d92a26fc65fdf2b": ("Tårnby", 185, ["Dragør"], 2018, False),
    "002_679db35b35e02709": ("Fredericia", 607, [], 2023, False),
    "003_53407021ccb03c47": ("Lejre", 350, [], 2018, False),
    "004_d7598ee1c513263d": ("Vesthimmerland", 820, [], 2020, True),
}


def test_corpus_all_ten_files_ingest_ok(corpus_db):
    con = duckdb.connect(str(corpus_db), read_only=True)
    rows = con.execute("SELECT file_name, status FROM documents ORDER BY 1").fetchall()
    assert len(rows) == 10 and {s for _, s in rows} == {"ok"}


@pytest.mark.parametrize("stem", sorted(EXPECTED_META))
@pytest.mark.parametrize("ext", ["pdf", "txt"])
def test_corpus_metadata_exact(corpus_db, stem, ext):
    con = duckdb.connect(str(corpus_db), read_only=True)
    row = con.execute("SELECT municipality, municipality_code, also_covers, plan_year, is_draft "
                      "FROM documents WHERE file_name = ?", [f"{stem}.{ext}"]).fetchone()
    assert row == EXPECTED_META[stem]


def test_corpus_metadata_scores_perfect(corpus_eval):
    for name, score in corpus_eval.fields.items():
        if name.startswith("meta."):
            assert score.f1 == 1.0, name


def test_corpus_toc_f1_at_least_097(corpus_eval):
    assert corpus_eval.fields["toc"].f1 >= 0.97
    assert corpus_eval.fields["toc.level_number"].accuracy >= 0.95


def test_corpus_toc_pdf_and_text_alike(corpus_eval):
    for fmt in (".pdf", ".txt"):
        assert corpus_eval.subset(lambda d: d.endswith(fmt))["toc"].f1 >= 0.97, fmt


def test_corpus_page_counts_of_pdfs(corpus_db):
    con = duckdb.connect(str(corpus_db), read_only=True)
    counts = dict(con.execute("SELECT file_name, page_count FROM documents WHERE format = 'pdf'").fetchall())
    assert counts == {"000_11a39eb46d51ec46.pdf": 11, "001_3d92a26fc65fdf2b.pdf": 14,
                      "002_679db35b35e02709.pdf": 11, "003_53407021ccb03c47.pdf": 15,
                      "004_d7598ee1c513263d.pdf": 17}
