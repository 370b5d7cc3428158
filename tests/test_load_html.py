from extractors.load_html import html_to_document
from models.document import LineFlag
from pipeline.run import extract

PAGE = """<html><head><title>x</title><script>var a = 1;</script></head><body>
<nav><a href="/">Forside</a></nav>
<h1>Beskæftigelsesplan 2022 – Jobcenter Holbæk</h1>
<p>Holbæk Kommune har fokus på flere i job.</p>
<h2>Ministermål 2: Flere ledige skal opkvalificeres</h2>
<p>Opkvalificering er vejen til job.</p>
<p><b>Vi vil:</b></p>
<ul><li>Styrke samarbejdet med erhvervsskolerne</li><li>Udbrede kendskabet til voksenlærlinge</li></ul>
<p>Målsætning: Andelen i opkvalificering skal øges til 6 %.</p>
<table><tr><th>Ydelse</th><th>2021</th></tr><tr><td>Sygedagpenge</td><td>1.288</td></tr>
<tr><td>Kontanthjælp</td><td>904</td></tr></table>
<footer>Kontakt os</footer></body></html>"""


def test_load_html_headings_lists_and_tables():
    doc = html_to_document(PAGE)
    texts = [ln.text for ln in doc.lines]
    assert texts[0] == "Beskæftigelsesplan 2022 – Jobcenter Holbæk" and doc.lines[0].heading_level == 1
    assert "• Styrke samarbejdet med erhvervsskolerne" in texts
    assert "Forside" not in " ".join(texts) and "var a" not in " ".join(texts)
    assert [r.texts for r in doc.tables[0].rows] == [["Ydelse", "2021"], ["Sygedagpenge", "1.288"], ["Kontanthjælp", "904"]]


def test_load_html_runs_through_every_stage():
    result = extract(html_to_document(PAGE, doc_id="h1", file_name="plan.html"))
    assert result.document.status == "ok"
    assert (result.document.municipality, result.document.plan_year) == ("Holbæk", 2022)
    assert [g.minister_goal_key for g in result.goals] == ["2022-2"]
    assert [a.text for a in result.actions] == ["Styrke samarbejdet med erhvervsskolerne",
                                                "Udbrede kendskabet til voksenlærlinge"]
    assert [(t.target_value, t.direction) for t in result.targets] == [(6, "increase")]
    assert [(v.row_label, v.value) for v in result.stat_values] == [("Sygedagpenge", 1288), ("Kontanthjælp", 904)]


CMS_PAGE = """<html><body>
<div id="cookie-banner"><p>Vi bruger cookies til at forbedre hjemmesiden og lave statistik.</p></div>
<div class="menu"><ul><li><a href="/borger">Borger</a></li><li><a href="/erhverv">Erhverv</a></li></ul></div>
<div id="sti"><a href="/">Forside</a> / <a href="/politik">Politik og planer</a></div>
<div class="venstre"><p>Kort tekst i siden.</p></div>
<div id="indhold">
<h1>Beskæftigelsesplan 2019 for Jobcenter Thisted</h1>
<p>Thisted Kommune vil have flere ledige i job og færre på offentlig forsørgelse i 2019 og årene frem.</p>
<p>Jobcentret samarbejder tæt med virksomhederne og uddannelsesinstitutionerne i hele kommunen.</p>
<table><tr><th>Mål</th><th>Indsatser</th></tr>
<tr><td>Flere i job</td><td>1) Styrke virksomhedsservicen<br/>2) Flere samtaler med ledige</td></tr></table>
</div>
<div class="sidefod"><p>Thisted Kommune, Asylgade 30, 7700 Thisted</p></div>
</body></html>"""


def test_load_html_site_chrome_named_by_id_or_class_is_skipped_and_indhold_is_the_content():
    doc = html_to_document(CMS_PAGE)
    assert [ln.text for ln in doc.lines] == [
        "Beskæftigelsesplan 2019 for Jobcenter Thisted",
        "Thisted Kommune vil have flere ledige i job og færre på offentlig forsørgelse i 2019 og årene frem.",
        "Jobcentret samarbejder tæt med virksomhederne og uddannelsesinstitutionerne i hele kommunen."]


def test_load_html_chrome_outside_a_content_element_is_skipped_too():
    doc = html_to_document("<body><div class='top-menu'><p>Borger Erhverv Politik</p></div>"
                           "<div class='cookie-banner'><p>Accepter cookies</p></div>"
                           "<p>Planen for Thisted beskriver indsatsen.</p><p>Mere tekst om ledigheden.</p></body>")
    assert [ln.text for ln in doc.lines] == ["Planen for Thisted beskriver indsatsen.", "Mere tekst om ledigheden."]


def test_load_html_small_element_named_indhold_is_not_the_main_content():
    doc = html_to_document("<body><div class='indhold-boks'><p>Se også</p></div>"
                           "<p>Planen for Thisted beskriver indsatsen for de ledige i hele kommunen.</p>"
                           "<p>Jobcentret samarbejder med virksomhederne om rekruttering.</p></body>")
    assert [ln.text for ln in doc.lines] == [
        "Se også", "Planen for Thisted beskriver indsatsen for de ledige i hele kommunen.",
        "Jobcentret samarbejder med virksomhederne om rekruttering."]


def test_load_html_br_separated_cell_parts_become_paragraphs():
    doc = html_to_document(CMS_PAGE)
    cell = doc.tables[0].rows[1].cells[1]
    assert cell.text == "1) Styrke virksomhedsservicen 2) Flere samtaler med ledige"
    assert cell.paragraphs == ["1) Styrke virksomhedsservicen", "2) Flere samtaler med ledige"]
    assert doc.tables[0].rows[1].cells[0].paragraphs == []


def test_load_html_cell_breaks_split_at_br_only_and_chapter_sections_stay():
    doc = html_to_document("<table><tr><td>1) Styrke <b>virksomhedsservicen</b> i Nyborg<br/>2) Flere samtaler</td>"
                           "<td>x</td></tr><tr><td>a</td><td>b</td></tr></table>")
    assert doc.tables[0].rows[0].cells[0].paragraphs == ["1) Styrke virksomhedsservicen i Nyborg", "2) Flere samtaler"]
    doc = html_to_document('<body><header>Kommunens forside</header><article><header class="article-header">'
                           '<h1>Beskæftigelsesplan 2022</h1></header><section id="del-1"><h2>Del 1 Indledning</h2>'
                           '<p>Om planen.</p></section></article></body>')
    assert [ln.text for ln in doc.lines] == ["Beskæftigelsesplan 2022", "Del 1 Indledning", "Om planen."]


def test_load_html_details_summary_contents_nav_and_total_row_in_tfoot():
    doc = html_to_document(
        '<body><nav class="site"><a href="/">Forside</a><a href="/job">Job</a><a href="/om">Om</a></nav>'
        '<main><nav class="toc"><ol><li><a href="#s1">1 Forord</a></li><li><a href="#s2">2 Mål</a></li>'
        '<li><a href="#s3">3 Opfølgning</a></li></ol></nav>'
        '<details><summary>Mål 2: Flere ledige skal opkvalificeres</summary><p>Tekst.</p></details>'
        '<table><thead><tr><th>Ydelse</th><th>2018</th></tr></thead><tbody><tr><td>Fleksjob</td><td>1&nbsp;288</td>'
        '</tr></tbody><tfoot><tr><td>I alt</td><td>12&nbsp;597</td></tr><tr><td colspan="2">Kilde: Jobindsats.dk</td>'
        '</tr></tfoot></table></main></body>')
    assert [ln.text for ln in doc.lines if LineFlag.TOC_ENTRY in ln.flags] == ["1 Forord", "2 Mål", "3 Opfølgning"]
    assert [(ln.text, ln.bold) for ln in doc.lines if ln.text.startswith("Mål 2")] == [
        ("Mål 2: Flere ledige skal opkvalificeres", True)]
    assert [[c.text for c in r.cells] for r in doc.tables[0].rows][-1] == ["I alt", "12 597"]
    assert doc.lines[-1].text == "Kilde: Jobindsats.dk"
