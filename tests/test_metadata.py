from conftest import make_doc

from extractors.metadata import extract_metadata


def _meta(lines):
    meta, warnings = extract_metadata(make_doc(lines))
    return meta, warnings


def test_metadata_multi_year_plan_gives_first_year():
    meta, _ = _meta(["Beskæftigelsesplan 2019-2021", "Holstebro Kommune", "Indledning",
                     "I 2017 var ledigheden 4,1 pct. i Holstebro Kommune."])
    assert (meta.plan_year, meta.municipality, meta.municipality_code) == (2019, "Holstebro", 661)


def test_metadata_draft_marker_on_cover():
    meta, _ = _meta(["1. udkast", "Beskæftigelsesplan 2022", "Jobcenter Svendborg", "Indledning", "Tekst"])
    assert meta.is_draft is True
    assert meta.title == "Beskæftigelsesplan 2022"


def test_metadata_approved_plan_is_not_a_draft():
    meta, _ = _meta(["Beskæftigelsesplan 2018", "Godkendt af Byrådet den 12.12.2017", "Indledning"])
    assert meta.is_draft is False


def test_metadata_statistics_years_are_not_the_plan_year():
    meta, _ = _meta(["Jobcenter Viborg", "Indledning", "Tabel 1: Udvikling 2016-2017",
                     "Beskæftigelsesplan 2018 for Viborg Kommune bygger på tal fra 2016 og 2017."])
    assert meta.plan_year == 2018


def test_metadata_genitive_jobcentre_name_maps_to_municipality():
    meta, _ = _meta(["Udkast", "Beskæftigelsesplan 2020", "jobcenter", "Vesthimmerland", "Indledning",
                     "Vesthimmerlands Kommune har fokus på job. Vesthimmerlands Kommune samarbejder med Rebild."])
    assert (meta.municipality, meta.municipality_code, meta.is_draft) == ("Vesthimmerland", 820, True)
    assert meta.also_covers == []


def test_metadata_also_covers_from_a_shared_jobcentre_sentence():
    meta, _ = _meta(["Beskæftigelsesplan 2021", "Jobcenter Esbjerg", "Indledning",
                     "Jobcenter Esbjerg varetager også beskæftigelsesindsatsen for borgere i Fanø Kommune.",
                     "Esbjerg Kommune har mange virksomheder."])
    assert meta.municipality == "Esbjerg" and meta.also_covers == ["Fanø"]


def test_metadata_undecidable_municipality_is_null_with_warning():
    meta, warnings = _meta(["Beskæftigelsesplan 2020", "Indledning",
                            "Odense Kommune og Aarhus Kommune er store byer."])
    assert meta.municipality is None and meta.municipality_code is None
    assert any("municipality" in w for w in warnings)


def test_metadata_missing_year_is_null_with_warning():
    meta, warnings = _meta(["Jobcenter Aalborg", "Indledning", "Aalborg Kommune har fokus på job."])
    assert meta.plan_year is None and any("plan_year" in w for w in warnings)


def test_metadata_begge_kommuner_with_ledige_names_a_covered_municipality():
    meta, _ = _meta(["Beskæftigelsesplan 2022", "Jobcenter Struer", "Indledning",
                     "Struer Kommune og Lemvig Kommune har et tæt samarbejde, og jobcentret hjælper ledige og "
                     "sygemeldte i begge kommuner.", "Struer Kommune har mange virksomheder."])
    assert (meta.municipality, meta.also_covers) == ("Struer", ["Lemvig"])


def test_metadata_begge_kommuner_about_companies_names_no_covered_municipality():
    meta, _ = _meta(["Beskæftigelsesplan 2022", "Jobcenter Struer", "Indledning",
                     "Struer Kommune og Lemvig Kommune har en fælles erhvervsservice, som giver én indgang for "
                     "virksomhederne i begge kommuner.", "Struer Kommune har mange virksomheder."])
    assert (meta.municipality, meta.also_covers) == ("Struer", [])
