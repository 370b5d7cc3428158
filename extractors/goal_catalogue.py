"""Matching goal wordings against the Minister's catalogue, and themes for local goals.

`goal_similarity` handles the wording drift seen in plans: small spelling changes
("selvforsøgende"), "Bekæmpelse"/"Bekæmpelsen", a dropped "til flygtninge", a comma for an
"og", and a second sentence appended to the goal (the catalogue wording is then compared
with the start of the plan's text).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from models.catalogues import MinisterGoal, catalogue_years, minister_goals, minister_goals_for

MATCH_THRESHOLD = 85.0
THEME_THRESHOLD = 75.0
THEME_KEYWORDS: list[tuple[str, str]] = [
    (r"værdig|respektfuld|mødt med respekt|brugerundersøgelse|tilfreds\w*\s+med\s+(?:deres\s+|sin\s+)?sagsbehandl", "dignified_casework"),
    (r"langtidsledig", "long_term_unemployed"),
    (r"opkvalific|efteruddann|kompetenceløft|uddannelsesløft|jobrettet\s+uddannelse", "upskilling"),
    (r"flygtning|integration|familiesammenført|indvandrer", "refugees"),
    (r"handicap|funktionsnedsæt", "disability"),
    (r"sygedagpeng|sygemeld|sygefravær", "sickness_benefit"),
    (r"socialt?\s*bedrageri|fejludbetal|kontrol", "social_fraud"),
    (r"kontanthjælp|jobparate|aktivitetsparate", "cash_benefit"),
    (r"\bunge\b|ungeindsats|uddannelseshjælp|ungdomsuddann|uddannelsesparat", "youth_education"),
    (r"udsatte|problemer ud over ledighed|komplekse problemer", "vulnerable_unemployed"),
    (r"kanten af arbejdsmarkedet|udkanten", "edge_of_labour_market"),
    (r"førtidspension", "disability_pension"),
    (r"arbejdskraft|rekruttering|flaskehals|mangel på", "labour_supply"),
    (r"virksomhed|formidling|jobformidl", "employer_contact"),
    (r"offentlig forsørgelse|selvforsørg|forsørgelse", "public_support"),
]
RELATED_THEMES = {"employer_contact": "labour_supply", "labour_supply": "employer_contact"}


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    text = text.casefold().replace("−", "-")
    text = re.sub(r"\((?:ministermål|videreføres[^)]*|lokalt mål)\)", " ", text)
    text = re.sub(r"[^\wæøå]+", " ", text)
    return " ".join(text.split())


def goal_similarity(text: str, wording: str) -> float:
    """0–100: how well a plan's goal text matches a catalogue wording."""
    a, b = norm(text), norm(wording)
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b)
    if len(a) > len(b) + 10:
        score = max(score, fuzz.ratio(a[:len(b)], b) - 2)   # a second sentence was appended
    if score < MATCH_THRESHOLD and _words_in_order(b.split(), a.split(), max_extra=2):
        score = max(score, 88.0)                             # a word or two inserted
    return score


def _words_in_order(wording: list[str], text: list[str], max_extra: int) -> bool:
    """Every word of the wording appears in the text in order, with at most `max_extra`
    other words in between ("… have en erhvervskompetencegivende uddannelse")."""
    if len(wording) < 4 or len(text) - len(wording) > max_extra or len(text) < len(wording):
        return False
    k = 0
    for word in text:
        if k < len(wording) and word == wording[k]:
            k += 1
    return k == len(wording)


def best_match(text: str, goals: list[MinisterGoal]) -> tuple[Optional[MinisterGoal], float]:
    best, best_score = None, 0.0
    for goal in goals:
        score = max(goal_similarity(text, w) for w in goal.wordings())
        if score > best_score:
            best, best_score = goal, score
    return best, best_score


def match_goal_year(text: str, year: Optional[int]) -> tuple[Optional[MinisterGoal], float]:
    """The catalogue goal of `year` this text states, if the match is good enough."""
    if year is None:
        return None, 0.0
    goal, score = best_match(text, minister_goals_for(year))
    return (goal, score) if score >= MATCH_THRESHOLD else (None, score)


def nearest_catalogue_year(year: Optional[int]) -> Optional[int]:
    """The catalogue year to use for `year`: itself if catalogued, else the nearest earlier year."""
    years = catalogue_years()
    if year is None or not years:
        return None
    if year in years:
        return year
    earlier = [y for y in years if y < year]
    return max(earlier) if earlier else min(years)


def match_any_year(text: str, around: Optional[int] = None) -> tuple[Optional[MinisterGoal], float]:
    """Best match over every year (nearest years first on ties); used for themes and for
    recognising goal wording where the year is not the point."""
    goals = list(minister_goals())
    if around is not None:
        goals.sort(key=lambda g: abs(g.year - around))
    return best_match(text, goals)


def theme_for(text: str, around: Optional[int] = None) -> Optional[str]:
    """A theme for a local goal: the theme of a close catalogue goal of any year, else the
    first keyword family its text names."""
    goal, score = match_any_year(text, around)
    if goal is not None and score >= THEME_THRESHOLD:
        return goal.theme
    low = text.casefold()
    return next((theme for pattern, theme in THEME_KEYWORDS if re.search(pattern, low)), None)


def looks_like_catalogue_goal(text: str) -> bool:
    goal, score = match_any_year(text)
    return goal is not None and score >= MATCH_THRESHOLD
