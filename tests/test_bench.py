"""Tests of the bench's pure helpers (setup/bench.py): medians, ratios,
growth, the web client's specification of a view, and the markdown table.
No database."""

import bench


def test_median_of_odd_and_even_counts():
    assert bench.median([5, 1, 3]) == 3
    assert bench.median([4, 1, 3, 2]) == 2.5
    assert bench.median([7]) == 7


def test_ratio_and_growth_text():
    assert bench.ratio_text(300, 100) == "3.0×"
    assert bench.ratio_text(1234, 2) == "617×"
    assert bench.ratio_text(5, 0) == "—"
    assert bench.ratio_text(None, 3) == "—"


def test_cell_shows_time_and_queries():
    assert bench.cell({"ms": 3865.2, "q": 92}) == "3,865 ms / 92 q"
    assert bench.cell({"ms": 4.26, "q": 3}) == "4.3 ms / 3 q"
    assert bench.cell({"ms": 12.0, "q": None}) == "12 ms"
    assert bench.cell({"text": "+25 MB"}) == "+25 MB"
    assert bench.cell(None) == "—"


def test_spec_of_a_form_arch():
    arch = """
    <form>
      <field name="name"/>
      <field name="partner_id"/>
      <field name="tag_ids" widget="many2many_tags"/>
      <notebook><page>
        <field name="line_ids">
          <list><field name="product_id"/><field name="qty"/></list>
          <form><field name="note"/></form>
        </field>
      </page></notebook>
    </form>"""
    fields = {
        "name": {"type": "char"},
        "partner_id": {"type": "many2one"},
        "tag_ids": {"type": "many2many"},
        "line_ids": {"type": "one2many"},
    }
    sub_fields = {"product_id": {"type": "many2one"}, "qty": {"type": "float"}}
    spec = bench.arch_spec(arch, fields, lambda name: sub_fields)
    assert spec == {
        "name": {},
        "partner_id": {"fields": {"display_name": {}}},
        "tag_ids": {"fields": {"display_name": {}}},
        "line_ids": {
            "fields": {"product_id": {"fields": {"display_name": {}}}, "qty": {}},
            "limit": 40,
        },
    }


def test_markdown_table():
    rows = [
        {
            "operation": "open a form",
            "complaint": {"ms": 300.0, "q": 30},
            "plain": {"ms": 100.0, "q": 10},
            "growth": "1.1×",
        }
    ]
    text = bench.markdown_table(rows)
    lines = text.splitlines()
    assert lines[0].startswith("| operation | complaint")
    assert lines[1].startswith("| --- |")
    assert lines[2] == "| open a form | 300 ms / 30 q | 100 ms / 10 q | 3.0× | 1.1× |"


def test_growth_compares_complaint_times():
    small = {"open a form": {"complaint": {"ms": 100.0, "q": 9}}}
    large = {"open a form": {"complaint": {"ms": 250.0, "q": 9}}}
    assert bench.growth_text(small, large, "open a form") == "2.5×"
    assert bench.growth_text({}, large, "open a form") == "—"


def test_short_count():
    assert bench.short_count(10_000) == "10k"
    assert bench.short_count(100_000) == "100k"
    assert bench.short_count(500) == "500"
