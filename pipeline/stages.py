"""The ordered stage list. Each stage names what it needs and what it provides, and wraps
one pure extractor `extract_x(doc, …) -> records`. A stage that raises makes the document
`partial`; the stages after it still run on what is there."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from extractors import actions, goals, metadata, outline, stats, tables, targets, toc
from extractors.tables import NormTable
from models.document import ParsedDocument
from pydantic import ConfigDict, Field

from models.records import DocumentMeta, ExtractionWarning, StageRecords


class StageContext(StageRecords):
    """What the stages share for one document: the document, its metadata and normalised
    tables, and the records they have produced so far."""
    model_config = ConfigDict(arbitrary_types_allowed=True)
    doc: ParsedDocument
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    tables: list[NormTable] = Field(default_factory=list)

    def warn(self, stage: str, message: str) -> None:
        self.warnings.append(ExtractionWarning(doc_id=self.doc.doc_id, stage=stage, message=message))


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    run: Callable[[StageContext], None]
    needs: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()


def _metadata(ctx: StageContext) -> None:
    ctx.meta, warnings = metadata.extract_metadata(ctx.doc)
    for w in warnings:
        ctx.warn("metadata", w)


def _toc(ctx: StageContext) -> None:
    ctx.toc = toc.extract_toc(ctx.doc)


def _outline(ctx: StageContext) -> None:
    ctx.sections = outline.build_outline(ctx.doc, ctx.toc)
    if not ctx.sections:
        ctx.warn("outline", "no headings found; the document has no section tree")


def _goals(ctx: StageContext) -> None:
    ctx.goals, warnings = goals.extract_goals(ctx.doc, ctx.sections, ctx.meta.plan_year, ctx.toc, ctx.tables)
    for w in warnings:
        ctx.warn("goals", w)


def _actions(ctx: StageContext) -> None:
    ctx.actions = actions.extract_actions(ctx.doc, ctx.sections, ctx.goals)


def _tables(ctx: StageContext) -> None:
    ctx.tables = tables.normalise_tables(ctx.doc)


def _targets(ctx: StageContext) -> None:
    ctx.targets = targets.extract_targets(ctx.doc, ctx.sections, ctx.goals, ctx.tables, ctx.meta.plan_year)


def _stats(ctx: StageContext) -> None:
    ctx.stat_tables, ctx.stat_values = stats.extract_stats(ctx.doc, ctx.tables)


STAGES: list[Stage] = [
    Stage("metadata", metadata.VERSION, _metadata, ("doc",), ("meta",)),
    Stage("toc", toc.VERSION, _toc, ("doc",), ("toc",)),
    Stage("outline", outline.VERSION, _outline, ("doc", "toc"), ("sections",)),
    Stage("tables", "1", _tables, ("doc",), ("tables",)),
    Stage("goals", goals.VERSION, _goals, ("doc", "sections", "meta", "tables"), ("goals",)),
    Stage("actions", actions.VERSION, _actions, ("doc", "sections", "goals"), ("actions",)),
    Stage("targets", targets.VERSION, _targets, ("doc", "sections", "goals", "tables", "meta"), ("targets",)),
    Stage("stats", stats.VERSION, _stats, ("doc", "tables"), ("stat_tables", "stat_values")),
]

