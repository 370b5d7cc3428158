"""Pydantic models (no I/O) and the catalogues they validate against."""
from models.document import Cell, Line, LineFlag, Page, ParsedDocument, Table, TableRow

__all__ = ["Cell", "Line", "LineFlag", "Page", "ParsedDocument", "Table", "TableRow"]
