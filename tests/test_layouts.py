"""Layouts the corpus lacks — two columns, tables without rules, tables split over pages,
lists across a page break, automatic hyphenation — in PDFs made the way the corpus was
(python-docx → LibreOffice; tests/fixtures/make_layouts.py). The expected answers in
tests/fixtures/layouts/answers.yaml were written by reading the rendered pages."""
from pathlib import Path

import duckdb
import pytest
import yaml

from conftest import ROOT

LAYOUTS = ROOT / "tests" / "fixtures" / "layouts"
ANSWERS = yaml.safe_load((LAYOUTS / "answers.yaml").read_text(encoding="utf-8"))


def answers_as_golden(folder: Path) -> Path:
    """The answers file written out as golden/ folders, so `bplan eval` scores it."""
    for file_name, answer in ANSWERS.items():
        target = folder / file_name.replace(".", "_")
        target.mkdir(parents=True)
        meta = {k: answer[k] for k in ("file_name", "format", "municipality", "municipality_code",
                                       "also_covers", "plan_year", "title", "is_draft", "page_count")}
        (target / "meta.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
        for name in ("toc", "goals", "actions", "targets", "stats"):
            (target / f"{name}.yaml").write_text(yaml.safe_dump(answer.get(name) or [], allow_unicode=True),
                                                 encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def layouts_db(tmp_path_factory):
    from pipeline.ingest import IngestOptions, ingest
    db = tmp_path_factory.mktemp("layouts") / "layouts.duckdb"
    summary = ingest([LAYOUTS], db, IngestOptions(workers=2))
    assert summary.failed == 0
    return db


@pytest.fixture(scope="module")
def layouts_eval(layouts_db, tmp_path_factory):
    from pipeline.evaluate import evaluate
    return evaluate(answers_as_golden(tmp_path_factory.mktemp("answers")), layouts_db)


def _doc_scores(report, file_name):
    return report.per_doc[file_name]


@pytest.mark.parametrize("file_name", sorted(ANSWERS))
def test_layouts_metadata(layouts_eval, file_name):
    scores = _doc_scores(layouts_eval, file_name)
    assert all(scores[f].f1 == 1.0 for f in scores if f.startswith("meta.")), layouts_eval.mismatches


def test_layouts_two_column_goals_and_actions(layouts_eval):
    scores = _doc_scores(layouts_eval, "two_column.pdf")
    assert scores["goals"].f1 == 1.0 and scores["goals.mapping"].accuracy == 1.0
    assert scores["actions"].f1 >= 0.92 and scores["actions.goal_link"].accuracy >= 0.9
    assert scores["actions.page"].accuracy == 1.0
    assert scores["targets"].f1 == 1.0


def test_layouts_unruled_tables(layouts_eval):
    scores = _doc_scores(layouts_eval, "unruled_table.pdf")
    assert scores["stats"].f1 >= 0.97
    assert scores["targets"].f1 >= 0.9 and scores["targets.target_value"].accuracy >= 0.95


def test_layouts_tables_split_over_pages(layouts_eval, layouts_db):
    scores = _doc_scores(layouts_eval, "split_table.pdf")
    assert scores["stats"].f1 >= 0.97 and scores["stats.page"].accuracy >= 0.97
    con = duckdb.connect(str(layouts_db), read_only=True)
    n = con.execute("SELECT count(*) FROM stat_tables JOIN documents USING (doc_id) "
                    "WHERE file_name = 'split_table.pdf'").fetchone()[0]
    assert n == len(ANSWERS["split_table.pdf"]["stats"])     # each split table joined into one


def test_layouts_list_across_pages_and_hyphenation(layouts_eval, layouts_db):
    scores = _doc_scores(layouts_eval, "list_across_pages.pdf")
    assert scores["actions"].f1 >= 0.92 and scores["actions.page"].accuracy == 1.0
    con = duckdb.connect(str(layouts_db), read_only=True)
    text = " ".join(r[0] for r in con.execute(
        "SELECT text FROM sections JOIN documents USING (doc_id) WHERE file_name = 'list_across_pages.pdf' "
        "UNION ALL SELECT text FROM actions JOIN documents USING (doc_id) WHERE file_name = 'list_across_pages.pdf'"
    ).fetchall())
    for word in ANSWERS["list_across_pages.pdf"]["hyphenated"]:
        assert word["repaired"] in text, word
