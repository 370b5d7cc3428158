import re

from click.testing import CliRunner

from conftest import ROOT
from pipeline.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_every_command_has_help_and_is_in_the_readme():
    runner = CliRunner()
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and len(command.help) > 40, name
        assert f"bplan {name}" in README, name


def test_cli_ci_runs_the_readme_test_command():
    test_command = re.search(r"\*\*2\. Run the tests\*\*.*?```bash\n(.+?)\n```", README, re.S).group(1)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_cli_query_is_read_only(corpus_db):
    runner = CliRunner()
    result = runner.invoke(main, ["query", "--db", str(corpus_db), "--format", "csv",
                                  "SELECT count(*) AS n FROM documents"])
    assert result.exit_code == 0 and result.output.splitlines() == ["n", "10"]
    result = runner.invoke(main, ["query", "--db", str(corpus_db), "DELETE FROM documents"])
    assert result.exit_code == 1 and "read-only" in result.output.lower()


def test_cli_ingest_missing_path_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "no such file or folder" in result.output
    assert "Traceback" not in result.output
