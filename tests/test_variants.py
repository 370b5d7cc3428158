"""Made-up plans with wording and layouts the corpus lacks (tests/fixtures/variants: PDFs built
like the corpus by make_variants_a.py / _b.py / _d.py, and hand-written Markdown, HTML and a
cp1252 flattened transcript), scored against answers written by reading them
(tests/fixtures/variants/golden). They guard against rules fitted to corpus/.
The stats floor leaves room for the one flattened-transcript table, which is not recovered."""
import pytest

from conftest import ROOT

VARIANTS = ROOT / "tests" / "fixtures" / "variants"


@pytest.fixture(scope="module")
def variants_eval(tmp_path_factory):
    from pipeline.evaluate import evaluate
    from pipeline.ingest import IngestOptions, ingest
    db = tmp_path_factory.mktemp("variants") / "variants.duckdb"
    summary = ingest([VARIANTS], db, IngestOptions(workers=2))
    assert summary.failed == 0
    return evaluate(VARIANTS / "golden", db)


FLOORS = {"goals": 0.95, "actions": 0.95, "targets": 0.95, "stats": 0.95, "toc": 0.97}
ACCURACY_FLOORS = {"goals.mapping": 0.97, "actions.goal_link": 0.90, "targets.target_value": 0.95,
                   "targets.unit": 0.95, "targets.direction": 0.95, "toc.level_number": 0.9}


@pytest.mark.parametrize("ext", [".pdf", ".txt", ".md", ".html"])
def test_variants_meet_the_floors(variants_eval, ext):
    scores = variants_eval.subset(lambda d: d.endswith(ext))
    for field, floor in FLOORS.items():
        assert scores[field].f1 >= floor, (field, scores[field].f1)
    for field, floor in ACCURACY_FLOORS.items():
        assert scores[field].accuracy >= floor, (field, scores[field].accuracy)


def test_variants_metadata_is_exact(variants_eval):
    for name, score in variants_eval.fields.items():
        if name.startswith("meta."):
            assert score.f1 == 1.0, (name, [m for m in variants_eval.mismatches if "meta." in m])
