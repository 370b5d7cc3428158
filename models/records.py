"""Records every stage returns. Each carries its provenance.

Field names follow the DuckDB contract (SCHEMA.md); extra provenance columns
(`line_start`, `line_end`, `extractor`, `extractor_version`) are stored too.
"""
from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional

from pydantic import BaseModel, Field

from models.document import FileFormat

GoalKind = Literal["minister", "local"]
TargetOrigin = Literal["table", "prose", "list"]
TargetPeriod = Literal["plan", "prior"]
Unit = Literal["pct", "pct_points", "rank", "persons", "full_time_persons", "count",
               "dkk_million", "weeks", "hours"]
Direction = Literal["decrease", "increase", "at_most", "at_least", "maintain", "reach",
                    "at_level_with", "below", "above"]
Status = Literal["ok", "partial", "failed"]


class Provenance(BaseModel):
    """Where a record came from: document, page, line span, and who made it."""
    doc_id: str
    page: Optional[int] = None
    line_start: Optional[int] = None
    line_end: Optional[int] = None
    extractor: str = ""
    extractor_version: str = ""


class DocumentMeta(BaseModel):
    municipality: Optional[str] = None
    municipality_code: Optional[int] = None
    also_covers: list[str] = Field(default_factory=list)
    plan_year: Optional[int] = None
    title: Optional[str] = None
    is_draft: Optional[bool] = None


class TocEntry(Provenance):
    ord: int
    level: int
    number: str = ""
    title: str
    printed_page: Optional[int] = None   # stored as toc_entries.page (page as printed)


class Section(Provenance):
    section_id: str
    ord: int
    parent_id: Optional[str] = None
    level: int
    number: str = ""
    title: str
    page_start: Optional[int] = None
    page_end: Optional[int] = None
    text: str = ""
    heading_line: int = 0


class Goal(Provenance):
    goal_id: str
    ord: int
    kind: GoalKind
    number_in_doc: Optional[str] = None
    text: str
    minister_goal_key: Optional[str] = None
    theme: Optional[str] = None
    match_score: Optional[float] = None
    section_id: Optional[str] = None
    goal_year: Optional[int] = None
    mentions: int = 1
    variants: list[str] = Field(default_factory=list)   # other wordings of this goal in the plan (not stored)


class Action(Provenance):
    action_id: str
    ord: int
    goal_id: Optional[str] = None
    section_id: Optional[str] = None
    cue: str
    text: str
    parent_id: Optional[str] = None
    parent_text: Optional[str] = None


class Target(Provenance):
    target_id: str
    ord: int
    goal_id: Optional[str] = None
    section_id: Optional[str] = None
    origin: TargetOrigin
    text: str
    period: TargetPeriod = "plan"
    baseline_text: Optional[str] = None
    target_value: Optional[float] = None
    unit: Optional[Unit] = None
    direction: Optional[Direction] = None
    target_year: Optional[int] = None
    comparator: Optional[str] = None
    target_group: Optional[str] = None
    data_source: Optional[str] = None
    follow_up: Optional[str] = None
    same_as: Optional[str] = None        # target_id of the same target stated elsewhere


class StatTable(Provenance):
    table_id: str
    caption: Optional[str] = None
    n_rows: int
    n_cols: int
    columns: list[str]


class StatValue(Provenance):
    table_id: str
    row_ord: int
    col_ord: int
    row_label: str
    target_group: Optional[str] = None
    column_label: str
    value_text: str
    value: Optional[float] = None
    unit: Optional[Unit] = None


class ExtractionWarning(BaseModel):
    doc_id: str
    stage: str
    message: str


class DocumentRow(DocumentMeta):
    """The `documents` row: the metadata stage's fields and what the run knows of the file."""
    doc_id: str
    source_path: str
    file_name: str
    format: Optional[FileFormat] = None
    page_count: Optional[int] = None
    status: Status = "ok"
    error: Optional[str] = None
    extractor_version: str = ""
    ingested_at: datetime = Field(default_factory=datetime.now)


class StageRecords(BaseModel):
    """The records the stages produce for one document."""
    toc: list[TocEntry] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    stat_tables: list[StatTable] = Field(default_factory=list)
    stat_values: list[StatValue] = Field(default_factory=list)
    warnings: list[ExtractionWarning] = Field(default_factory=list)


class DocumentResult(StageRecords):
    """Everything one document produced: the documents row and the records of every stage."""
    document: DocumentRow
    pages_done: int = 0
    peak_rss_mb: float = 0.0          # the extracting process's peak memory so far
