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


def _fmt(report, ext):
    return report.subset(lambda d: d.endswith(ext))


@pytest.mark.parametrize("ext", [".pdf", ".txt"])
def test_corpus_goals_f1_and_mapping(corpus_eval, ext):
    scores = _fmt(corpus_eval, ext)
    assert scores["goals"].f1 >= 0.95
    assert scores["goals.mapping"].accuracy >= 0.97


@pytest.mark.parametrize("ext", [".pdf", ".txt"])
def test_corpus_actions_f1_and_goal_links(corpus_eval, ext):
    scores = _fmt(corpus_eval, ext)
    assert scores["actions"].f1 >= 0.92
    assert scores["actions.goal_link"].accuracy >= 0.90


@pytest.mark.parametrize("ext", [".pdf", ".txt"])
def test_corpus_targets_f1_and_values(corpus_eval, ext):
    scores = _fmt(corpus_eval, ext)
    assert scores["targets"].f1 >= 0.90
    for field in ("target_value", "unit", "direction"):
        assert scores[f"targets.{field}"].accuracy >= 0.95, field


@pytest.mark.parametrize("ext", [".pdf", ".txt"])
def test_corpus_statistics_cells(corpus_eval, ext):
    assert _fmt(corpus_eval, ext)["stats"].f1 >= 0.97


def test_corpus_pages_of_pdf_records(corpus_eval):
    scores = _fmt(corpus_eval, ".pdf")
    for field in ("goals.page", "actions.page", "targets.page", "stats.page"):
        assert scores[field].accuracy >= 0.95, field


def test_corpus_exact_values_where_the_plan_is_unambiguous(corpus_db):
    con = duckdb.connect(str(corpus_db), read_only=True)
    goals = con.execute("SELECT g.minister_goal_key FROM goals g JOIN documents d USING (doc_id) "
                        "WHERE d.file_name = '002_679db35b35e02709.pdf' AND g.kind = 'minister' ORDER BY g.ord").fetchall()
    assert [g[0] for g in goals] == ["2022-1", "2022-2", "2022-3", "2022-4", "2022-5"]   # "for 2022 fortsætter i 2023"
    target = con.execute("SELECT target_value, unit, direction FROM targets t JOIN documents d USING (doc_id) "
                         "WHERE d.file_name = '001_3d92a26fc65fdf2b.pdf' AND t.text LIKE 'Den gennemsnitlige medfinansieringsgrad skal maksimalt%' "
                         "AND t.origin <> 'table'").fetchone()
    assert target == (74.3, "pct", "at_most")
    cell = con.execute("SELECT value, page FROM stat_values v JOIN documents d USING (doc_id) WHERE d.file_name = "
                       "'000_11a39eb46d51ec46.pdf' AND v.row_label = 'Kontanthjælp samt integrationsydelse' "
                       "AND v.column_label = '2. kvartal 2017'").fetchone()
    assert cell == (1288.0, 4)
    local = con.execute("SELECT count(*) FROM goals g JOIN documents d USING (doc_id) WHERE d.file_name = "
                        "'004_d7598ee1c513263d.pdf' AND kind = 'local'").fetchone()[0]
    assert local == 2      # "Vesthimmerlands Kommune har fastsat yderligere to mål"
