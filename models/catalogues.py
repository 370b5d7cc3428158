"""The catalogues under models/data, loaded once, and the look-ups stages need.

- minister_goals.yaml: the Employment Minister's goals per year (key, text, theme, variants).
- target_groups.yaml: benefit / target groups (ydelsesgrupper) with spelling variants.
- municipalities.csv: the 98 municipalities with official code, region and aliases.
- jobcentres.csv: jobcentres serving more than one municipality.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml
from pydantic import BaseModel, Field


class MinisterGoal(BaseModel):
    goal_key: str
    year: int
    number: int
    text_da: str
    theme: str
    confirmed: bool = False
    variants: list[str] = Field(default_factory=list)

    def wordings(self) -> list[str]:
        return [self.text_da, *self.variants]


class TargetGroup(BaseModel):
    key: str
    name_da: str
    kind: str
    variants: list[str] = Field(default_factory=list)


class Municipality(BaseModel):
    code: int
    name: str
    region: str
    aliases: list[str] = Field(default_factory=list)


class Jobcentre(BaseModel):
    name: str
    lead_code: int
    covered_codes: list[int]
    period: str
    confidence: str

    def covers_year(self, year: Optional[int]) -> bool:
        """True when `year` falls in the period ("2007-", "2007-2021"); unknown periods say yes."""
        years = [int(y) for y in re.findall(r"\d{4}", self.period)]
        if year is None or not years:
            return True
        start = years[0]
        end = years[1] if len(years) > 1 else 9999
        return start <= year <= end


def _data_text(name: str) -> str:
    return resources.files("models").joinpath("data", name).read_text(encoding="utf-8")


def _csv_rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _data_text(name).splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=1)
def minister_goals() -> tuple[MinisterGoal, ...]:
    raw = yaml.safe_load(_data_text("minister_goals.yaml"))
    return tuple(MinisterGoal(**{k: v for k, v in g.items() if k in MinisterGoal.model_fields})
                 for g in raw)


def minister_goals_for(year: int) -> list[MinisterGoal]:
    return [g for g in minister_goals() if g.year == year]


def catalogue_years() -> list[int]:
    return sorted({g.year for g in minister_goals()})


@lru_cache(maxsize=1)
def target_groups() -> tuple[TargetGroup, ...]:
    raw = yaml.safe_load(_data_text("target_groups.yaml"))
    return tuple(TargetGroup(**{k: v for k, v in g.items() if k in TargetGroup.model_fields})
                 for g in raw)


@lru_cache(maxsize=1)
def municipalities() -> tuple[Municipality, ...]:
    return tuple(
        Municipality(code=int(r["code"]), name=r["name"], region=r["region"],
                     aliases=[a for a in (r.get("aliases") or "").split("|") if a])
        for r in _csv_rows("municipalities.csv"))


def municipality_by_code(code: int) -> Optional[Municipality]:
    return next((m for m in municipalities() if m.code == code), None)


@lru_cache(maxsize=1)
def jobcentres() -> tuple[Jobcentre, ...]:
    return tuple(
        Jobcentre(name=r["jobcentre_name"], lead_code=int(r["lead_code"]),
                  covered_codes=[int(c) for c in r["covered_codes"].split("|")],
                  period=r["period"], confidence=r["confidence"])
        for r in _csv_rows("jobcentres.csv"))


def _fold(text: str) -> str:
    """Case-fold and collapse hyphens/whitespace, as target_groups.yaml asks for variants."""
    text = text.casefold().replace("\u00ad", "")
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _target_group_patterns() -> tuple[tuple[re.Pattern[str], str, int], ...]:
    """(pattern, key, length) for every name and variant, longest first."""
    pairs: list[tuple[str, str]] = []
    for group in target_groups():
        for variant in {group.name_da, *group.variants}:
            if variant.casefold() in {"i alt", "ledige", "ledighed", "unge", "forsikrede"}:
                continue  # too generic on their own; see match_target_group(allow_generic=...)
            pairs.append((_fold(variant), group.key))
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple((re.compile(r"(?<![\wæøå-])" + re.escape(v) + r"(?![\wæøå])"), k, len(v))
                 for v, k in pairs)


_GENERIC = {"i alt": "offentligt_forsoergede_i_alt", "ledige": "ledige", "ledighed": "ledige",
            "unge": "unge", "forsikrede": "a_dagpenge"}


def match_target_group(text: str, allow_generic: bool = False) -> Optional[str]:
    """The target-group key a label or sentence names; the longest (most specific) match wins.

    Returns None when two different groups are named with equal weight ("Kontanthjælp samt
    integrationsydelse"), because then the label names no single group.
    """
    folded = _fold(text)
    hits: list[tuple[int, int, str]] = []
    for pattern, key, length in _target_group_patterns():
        m = pattern.search(folded)
        if m and not any(s <= m.start() < e for s, e, _ in hits):
            hits.append((m.start(), m.start() + length, key))
    keys = {k for _, _, k in hits}
    if len(keys) == 1:
        return keys.pop()
    if len(keys) > 1:
        return _dominant_key(hits, folded)
    if allow_generic:
        return next((k for w, k in _GENERIC.items() if re.search(rf"\b{w}\b", folded)), None)
    return None


def _dominant_key(hits: list[tuple[int, int, str]], folded: str) -> Optional[str]:
    """With several groups named, keep the first only when it starts the label
    and the rest is a qualifier ("A-dagpenge med supplerende ydelser")."""
    hits.sort()
    first = hits[0]
    rest = folded[first[1]:]
    if first[0] == 0 and not re.search(r"\b(og|samt|eller|,)\b", rest[:40]) and "," not in rest[:40]:
        return first[2]
    return None
