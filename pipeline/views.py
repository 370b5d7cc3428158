"""SQL views for the common questions, created with the schema (migration 2).

- goal_coverage: one row per goal of each plan, with its municipality, year, theme and how
  many actions and targets it has;
- targets_by_theme: every target with its plan, goal and the goal's theme;
- stats_by_group: every statistics cell with its plan, table caption and target group.
"""
VIEWS: dict[str, str] = {
    "goal_coverage": """
        SELECT d.municipality, d.municipality_code, d.plan_year, d.doc_id, g.goal_id, g.ord,
               g.kind, g.number_in_doc, g.minister_goal_key, g.theme, g.text, g.page,
               (SELECT count(*) FROM actions a WHERE a.goal_id = g.goal_id) AS n_actions,
               (SELECT count(*) FROM targets t WHERE t.goal_id = g.goal_id) AS n_targets
        FROM goals g JOIN documents d USING (doc_id)""",
    "targets_by_theme": """
        SELECT g.theme, d.municipality, d.plan_year, d.doc_id, t.target_id, t.text, t.origin,
               t.period, t.target_value, t.unit, t.direction, t.target_year, t.comparator,
               t.target_group, t.baseline_text, t.page, g.text AS goal_text, g.kind AS goal_kind
        FROM targets t JOIN documents d USING (doc_id) LEFT JOIN goals g ON g.goal_id = t.goal_id""",
    "stats_by_group": """
        SELECT d.municipality, d.plan_year, d.doc_id, st.table_id, st.caption, st.page,
               v.row_ord, v.row_label, v.target_group, v.column_label, v.value_text, v.value, v.unit
        FROM stat_values v JOIN stat_tables st USING (doc_id, table_id) JOIN documents d USING (doc_id)""",
}
