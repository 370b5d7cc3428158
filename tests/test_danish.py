import pytest
from hypothesis import given, settings, strategies as st

from extractors.danish import find_quantities, parse_cell_value, parse_danish_number
from extractors.target_rules import comparator_of, describe_target, direction_of


@pytest.mark.parametrize("text,value", [
    ("1.288", 1288), ("74,3", 74.3), ("−0,5", -0.5), ("-11", -11), ("+ 2,9", 2.9), ("2.463", 2463),
    ("1.234.567,5", 1234567.5), ("0,0", 0.0), ("4,437", 4.437), ("12%", 12), ("1.5", 1.5)])
def test_danish_numbers(text, value):
    assert parse_danish_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["-", "", "abc", "2. kvartal", "1,2,3", "12-15"])
def test_danish_not_numbers(text):
    assert parse_danish_number(text) is None


@pytest.mark.parametrize("cell,parsed", [
    ("4%", (4, "pct")), ("−4,3 %", (-4.3, "pct")), ("25,6 uger", (25.6, "weeks")), ("1.969", (1969, None)),
    ("20 % af ydelsen", (20, "pct")), ("- 4,3", (-4.3, None)), ("0,51 pct.point", (0.51, "pct_points")),
    ("3,9 mio. kr.", (3.9, "dkk_million"))])
def test_danish_cell_values(cell, parsed):
    value, unit = parse_cell_value(cell)
    assert (value, unit) == (pytest.approx(parsed[0]), parsed[1])


@pytest.mark.parametrize("cell", ["-", "Mar 2022", "2. kvartal 2019", "Nr. 77 ud af 98 kommuner.", "0-4 uger"])
def test_danish_cells_that_are_not_values(cell):
    assert parse_cell_value(cell) is None


@pytest.mark.parametrize("text,value,unit", [
    ("Ledigheden skal nedbringes med 3,5 procentpoint frem mod 2024", 3.5, "pct_points"),
    ("Kommunen skal ligge som nr. 40 ud af 98 kommuner", 40, "rank"),
    ("Antallet skal reduceres med 120 helårspersoner", 120, "full_time_persons"),
    ("Mindst 300 fuldtidspersoner færre på ydelse", 300, "full_time_persons"),
    ("Der skal etableres 40 nye fleksjob i 2022", 40, "count"),
    ("Besparelsen skal være 2,5 mio. kr. i 2022", 2.5, "dkk_million"),
    ("Sagsvarigheden skal højst være 20 uger", 20, "weeks"),
    ("Ledige skal have mindst 10 timers ordinær beskæftigelse", 10, "hours"),
    ("25 unge skal starte på en uddannelse", 25, "persons"),
    ("Mindst fem samtaler i løbet af året", 5, "count"),
    ("Andelen skal øges fra 12 % til 15 %", 12, "pct")])
def test_danish_first_quantity_and_unit(text, value, unit):
    q = find_quantities(text)[0]
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_danish_years_durations_and_list_numbers_are_not_quantities():
    assert find_quantities("I 2021 skal flere i job end i 2019") == []
    assert find_quantities("Borgere med mere end 5 års ledighed efter 6 måneder") == []
    assert find_quantities("3: Øget fokus på handicap") == []


@pytest.mark.parametrize("text,direction", [
    ("Ledigheden skal være på niveau med landsgennemsnittet", "at_level_with"),
    ("Udgiften må højst være 12 mio. kr.", "at_most"),
    ("Der skal ikke være flere på ydelse end forventet", "at_most"),
    ("Som minimum 60 % skal have en plan", "at_least"),
    ("Andelen skal under regionsgennemsnittet", "below"),
    ("Effekten skal være højere end i 2021", "above"),
    ("Samarbejdsgraden skal fastholdes", "maintain"),
    ("Et fald i antallet af sygemeldte", "decrease"),
    ("Antallet af langtidsledige skal nedbringes", "decrease"),
    ("Flere unge skal i uddannelse", "increase"),
    ("Andelen skal udgøre 30 % i 2022", "reach"),
    ("Vi vil fortsætte arbejdet", None),
    ("Flere sygemeldte skal fastholdes på arbejdsmarkedet", "increase")])
def test_danish_direction_rules(text, direction):
    assert direction_of(text) == direction


def test_danish_target_baseline_and_comparator():
    d = describe_target("Placeringen skal forbedres i forhold til landsgennemsnittet (Nr. 77 i 2017) med 50 nye job")
    assert (d.value, d.unit, d.baseline_text, d.comparator) == (50, "count", "Nr. 77 i 2017", "landsgennemsnittet")
    d = describe_target("Andelen skal stige fra 8,7 % til 11,6 % ved udgangen af 2022")
    assert (d.value, d.baseline_text, d.year, d.direction) == (11.6, "8,7 %", 2022, "increase")
    assert comparator_of("skal være på niveau med Region Midtjylland") == "Region Midtjylland"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_danish_number_roundtrip_fuzz(whole, decimals):
    grouped = f"{abs(whole):,}".replace(",", ".")
    text = ("-" if whole < 0 else "") + grouped + f",{decimals:02d}"
    assert parse_danish_number(text) == pytest.approx(whole + (decimals / 100 if whole >= 0 else -decimals / 100))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_danish_parser_never_crashes_fuzz(text):
    parse_danish_number(text)
    parse_cell_value(text)
    find_quantities(text)
