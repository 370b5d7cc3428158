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


# ---------------------------------------------------------------- target years (target_rules)
@pytest.mark.parametrize("text", [
    "Andelen skal stige med 3 procentpoint i forhold til 2019",
    "Ledigheden skal være lavere sammenlignet med 2020",
    "Flere skal være i job end i 2021",
    "Flere skal være i job end 2021",
    "Antallet af sygemeldte skal falde fra 2021",
    "Stigningen siden 2017 skal fortsætte"])
def test_danish_compared_years_are_not_target_years(text):
    from extractors.target_rules import target_year_of
    assert target_year_of(text) is None


@pytest.mark.parametrize("text,year", [
    ("Andelen skal være 45 % ved udgangen af 2020", 2020),
    ("I 2022 skal 300 ledige i virksomhedspraktik", 2022),
    ("Andelen skal i 2023 være højere end i 2019", 2023),
    ("Ledigheden skal falde med 5 % i forhold til 2022 ved udgangen af 2024", 2024),
    ("Antallet skal falde fra 2019 til 2023", 2023)])
def test_danish_target_year_is_found_beside_compared_years(text, year):
    from extractors.target_rules import target_year_of
    assert target_year_of(text) == year


def test_danish_year_in_the_text_wins_over_the_default_year():
    assert describe_target("Andelen skal være 45 % ved udgangen af 2020", default_year=2021).year == 2020
    assert describe_target("Andelen skal være 45 %", default_year=2021).year == 2021
    d = describe_target("Andelen skal øges med 4 % i forhold til 2019", default_year=2022)
    assert (d.year, d.comparator) == (2022, "2019")


@pytest.mark.parametrize("text,value,unit", [
    ("Antallet af forløb over 13 uger må højst være 250", 250, "count"),
    ("Antallet af ledige over 26 uger bør maksimalt være 180", 180, "persons")])
def test_danish_value_follows_the_modal_maa_and_boer(text, value, unit):
    d = describe_target(text)
    assert (d.value, d.unit, d.direction) == (value, unit, "at_most")


def test_danish_modal_in_a_later_sentence_does_not_move_the_value():
    d = describe_target("Andelen i job skal være 60 %. Forløb over 13 uger må højst være 250.")
    assert (d.value, d.unit) == (60, "pct")


# ---------------------------------------------------------------- quantities
def _values(text):
    return [(q.value, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize("text,expected", [
    ("Niveauet i 2019 – 25 % af borgerne", [(25, "pct")]),
    ("Fra 2021 – 30 % af de ledige", [(30, "pct")]),
    ("Sygedagpenge – 14 % færre end sidste år", [(14, "pct")])])
def test_danish_spaced_en_dash_is_not_a_minus(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize("text", ["Ændringen var \u22124 % i perioden", "Ændringen var -4 % i perioden",
                                  "Ændringen var \u20134 % i perioden"])
def test_danish_dash_touching_the_number_is_a_minus(text):
    assert _values(text) == [(-4, "pct")]


def test_danish_number_ending_a_sentence_is_found():
    assert _values("Antallet af virksomhedsaftaler skal øges med mindst 15.") == [(15, "count")]
    assert _values("Målet er at øge antallet med mindst 15. Det er ambitiøst.") == [(15, "count")]


def test_danish_ordinals_before_a_lowercase_word_stay_out():
    assert _values("Opfølgning sker den 15. marts") == []
    assert _values("Resultatet måles i 4. kvartal hvert år") == []


@pytest.mark.parametrize("text,value", [
    ("Vi vil have 40 langtidsledige i job", 40), ("Mindst 30 aktivitetsparate skal i praktik", 30),
    ("Der er 12 ydelsesmodtagere i projektet", 12), ("Vi forventer 25 sygedagpengemodtagere", 25),
    ("Målet er 14 førtidspensionister i fleksjob", 14), ("Vi har 8 nye langtidsledige", 8)])
def test_danish_group_words_by_ending_count_persons(text, value):
    assert _values(text) == [(value, "persons")]


def test_danish_antallet_af_group_word_counts_persons():
    assert _values("Antallet af langtidsledige skal ned på 200") == [(200, "persons")]
    assert _values("Antallet af sagsbehandlere skal ned på 20") == [(20, "count")]


@pytest.mark.parametrize("text,value", [("Der kom 120 nye tilkendelser", 120), ("Vi har 8 nye virksomheder", 8)])
def test_danish_other_nouns_stay_counts(text, value):
    assert _values(text) == [(value, "count")]


def test_danish_list_and_heading_numbers_before_a_capital_stay_out():
    assert _values("1. Flere i job") == []
    assert _values("Tabel 4. Ledige fordelt på ydelser") == []
    assert _values("Målene er 1. Flere i job. 2. Færre på ydelse") == []


def test_danish_unicode_minus_is_a_minus_even_before_a_space():
    assert _values("Ændringen var − 2,5 % fra 2022") == [(-2.5, "pct")]


# ---------------------------------------------------------------- a target that opens with its bound level
@pytest.mark.parametrize("text,value,unit,direction", [
    ("Mindst 70 % af henvendelserne skal besvares inden for to arbejdsdage", 70, "pct", "at_least"),
    ("Mindst 80 % af de ledige skal have haft 2 samtaler", 80, "pct", "at_least"),
    ("Under 600 langtidsledige skal have været ledige i over 52 uger", 600, "persons", "below"),
    ("Andelen af forløb over 22 uger skal være under 25 %", 25, "pct", "below")])
def test_danish_target_opening_with_its_bound_level_gives_that_level(text, value, unit, direction):
    d = describe_target(text)
    assert (d.value, d.unit, d.direction) == (value, unit, direction)


@pytest.mark.parametrize("text", ["Sagerne skal afgøres inden for to arbejdsdage", "Svar inden for 3 hverdage",
                                  "Behandlingen tager én arbejdsdag", "Vi ringer tilbage inden 1 hverdag"])
def test_danish_working_days_are_durations_not_values(text):
    assert find_quantities(text) == []
    assert describe_target(text).value is None


def test_danish_opening_weeks_under_a_modal_qualify_the_cases_not_the_level():
    assert describe_target("Over 26 uger skal højst 10 % af sygedagpengesagerne vare.").value == 10


def test_danish_numbers_grouped_with_spaces():
    assert parse_cell_value("12 597") == (12597.0, None)
    assert _values("Antallet i fleksjob skal øges til 1 450.") == [(1450, "count")]
    assert _values("I 2019 fik 450 borgere et tilbud") == [(450, "persons")]
