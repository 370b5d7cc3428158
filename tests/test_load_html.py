from extractors.load_html import html_to_document
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
