"""A Chinese user meets no English label on the complaint process's main
screens, portal pages, emails and PDFs.

The labels come from the two addons and from the OCA modules underneath
(helpdesk_mgmt, helpdesk_type, base_tier_validation, mgmtsystem_action…),
whose Chinese ships in ``printing_complaint/i18n_extra/zh_CN.po``. Each
screen is rendered in zh_CN and its visible text (no tags, no attribute
values) is searched for the English labels listed below, as whole words;
the data of the records shown (names, numbers, texts typed by users) is
taken out first.
"""

import re

from conftest import cross_addon_test
from lxml import etree, html

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.printing_complaint.tests.common import complaint_at_closure_step

ENGLISH_LABELS = [
    "Action",
    "Actions",
    "Approved",
    "Assigned user",
    "Assignee",
    "Attachments",
    "Awaiting",
    "Cancelled",
    "Category",
    "Channel",
    "Close Date",
    "Closed",
    "Closed Date",
    "Contact",
    "Correction",
    "Corrective Action",
    "Create Date",
    "Customer",
    "Deadline",
    "Description",
    "Done",
    "Draft",
    "Immediate Action",
    "Improvement Opportunity",
    "In Progress",
    "Last Stage Update",
    "New",
    "Number",
    "Open",
    "Pending",
    "Preventive Action",
    "Priority",
    "Rejected",
    "Reviewer",
    "Stage",
    "Subject",
    "Tags",
    "Team",
    "Ticket",
    "Tickets",
    "Title",
    "Type",
    "Validated",
]
_ALTERNATIVES = "|".join(
    re.escape(word) for word in sorted(ENGLISH_LABELS, key=len, reverse=True)
)
LABEL_RE = re.compile(rf"(?<![A-Za-z])({_ALTERNATIVES})(?![A-Za-z])")
OCA_MODULES = [
    "helpdesk_mgmt",
    "helpdesk_mgmt_rating",
    "helpdesk_type",
    "base_tier_validation",
    "mgmtsystem_action",
    "mgmtsystem_action_efficacy",
]


def visible_text(markup):
    """The text a reader sees of an HTML page or fragment."""
    if isinstance(markup, bytes):
        markup = markup.decode()
    if not markup.strip():
        return ""
    tree = html.fromstring(markup)
    for node in tree.xpath("//script|//style|//noscript|//template"):
        node.drop_tree()
    return " ".join(tree.text_content().split())


def arch_labels(arch):
    """The texts and label attributes of a view's arch."""
    tree = etree.fromstring(arch)
    texts = [t for t in tree.xpath("//text()") if t.strip()]
    # the root's string is not shown (the action's name is)
    for attribute in ("string", "placeholder", "title", "help", "confirm"):
        texts += tree.xpath(f"/*/descendant::*/@{attribute}")
    return " | ".join(" ".join(t.split()) for t in texts)


@cross_addon_test
@tagged("post_install", "-at_install")
class TestChineseScreens(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("zh_CN")
        # what a database gets when the addons are installed with Chinese
        env["ir.module.module"]._load_module_terms(
            ["printing_complaint", "printing_complaint_report"],
            ["zh_CN"],
            overwrite=True,
        )
        rep = new_test_user(
            env,
            login="zh_rep",
            name="Zhang Wei",
            groups="printing_complaint.group_complaint_sales",
        )
        head = new_test_user(
            env,
            login="zh_head",
            name="Li Na",
            groups="printing_complaint.group_complaint_production",
        )
        cls.complaint = complaint_at_closure_step(env, rep, head)
        cls.complaint.partner_id.lang = "zh_CN"
        cls.buyer = new_test_user(
            env,
            login="zh_buyer",
            password="zh_buyer_pw",
            name="Wang Fang",
            email="wang@lotus.example.com",
            groups="base.group_portal",
            lang="zh_CN",
        )
        cls.buyer.partner_id.parent_id = cls.complaint.partner_id
        # A claim on the supplier, for the claim's email.
        cls.claim = env["printing.complaint.supplier.claim"].create(
            {
                "ticket_id": cls.complaint.id,
                "partner_id": cls.complaint.partner_id.id,
                "claimed_amount": 100.0,
                "description": "纸张受潮。",
            }
        )
        cls.env = env(context=dict(env.context, lang="zh_CN"))

    def _data(self):
        """The values of the records on the screens: not labels."""
        complaint = self.complaint.sudo()
        records = [
            complaint,
            complaint.partner_id,
            complaint.partner_id.commercial_partner_id,
            complaint.company_id,
            complaint.team_id,
            complaint.user_id,
            complaint.sale_order_id,
            complaint.sale_order_id.order_line,
            complaint.sale_order_id.order_line.product_id,
            complaint.solution_ids,
            complaint.solution_ids.type_id,
            complaint.capa_action_ids,
            complaint.capa_action_ids.user_id,
            complaint.decision_ids,
            complaint.evidence_ids,
            self.claim,
            self.buyer,
        ]
        values = set()
        for recordset in records:
            for record in recordset:
                values.add(record.display_name)
                for name, field in record._fields.items():
                    if field.type in ("char", "text", "html") and not field.related:
                        value = record[name]
                        if isinstance(value, str) and len(value.strip()) > 1:
                            values.add(value)
        return sorted(
            {" ".join(visible_text(str(v)).split()) for v in values} - {""},
            key=len,
            reverse=True,
        )

    def _english(self, text):
        for value in self._data_values:
            text = text.replace(value, " ")
        return text, sorted(set(LABEL_RE.findall(text)))

    def assertNoEnglish(self, text, where, chinese=True):
        text, found = self._english(text)
        self.assertFalse(found, f"{where} shows English labels {found}:\n{text}")
        if chinese:
            self.assertRegex(text, "[\u4e00-\u9fff]", f"{where} shows no Chinese")

    def setUp(self):
        super().setUp()
        self._data_values = self._data()

    # -- backend ---------------------------------------------------------

    def test_complaint_views_in_chinese(self):
        action = self.env.ref("printing_complaint.action_complaints")
        search = action.search_view_id.id or False
        Ticket = self.env["helpdesk.ticket"].with_context(lang="zh_CN")
        result = Ticket.get_views([*action.views, (search, "search")])
        for kind, view in result["views"].items():
            # other views are labelled by their fields (checked below)
            self.assertNoEnglish(
                arch_labels(view["arch"]),
                f"the {kind} view",
                chinese=kind in ("form", "search"),
            )
        for model, description in result["models"].items():
            fields = description.get("fields", description)
            for name, field in fields.items():
                labels = [field.get("string") or ""]
                labels += [label for _key, label in field.get("selection") or []]
                self.assertNoEnglish(
                    " | ".join(labels), f"{model}.{name}", chinese=False
                )

    # -- portal ----------------------------------------------------------

    def test_portal_pages_in_chinese(self):
        self.authenticate("zh_buyer", "zh_buyer_pw")
        for url in (
            "/my",
            "/my/tickets",
            f"/my/ticket/{self.complaint.id}",
            "/my/complaint/new",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                main = html.fromstring(response.text).xpath("//main")
                self.assertTrue(main, url)
                self.assertNoEnglish(
                    visible_text(etree.tostring(main[0], encoding="unicode")), url
                )

    # -- emails ----------------------------------------------------------

    def _templates(self):
        data = self.env["ir.model.data"].search(
            [
                ("model", "=", "mail.template"),
                ("module", "in", ["printing_complaint", *OCA_MODULES]),
            ]
        )
        return self.env["mail.template"].browse(data.mapped("res_id"))

    def test_emails_in_chinese(self):
        records = {
            "helpdesk.ticket": self.complaint,
            "mgmtsystem.action": self.complaint.capa_action_ids[:1],
            "printing.complaint.solution": self.complaint.solution_ids[:1],
            "printing.complaint.supplier.claim": self.claim,
        }
        templates = self._templates()
        self.assertGreaterEqual(len(templates), 8)
        for template in templates.with_context(lang="zh_CN"):
            record = records.get(template.model)
            self.assertTrue(record, f"no record to render {template.name}")
            with self.subTest(template=template.name):
                for field in ("subject", "body_html"):
                    rendered = template._render_field(field, record.ids)[record.id]
                    self.assertNoEnglish(
                        visible_text(str(rendered)),
                        f"{template.name} ({field})",
                        chinese=field == "body_html" or "{{" not in template.subject,
                    )

    # -- PDFs ------------------------------------------------------------

    def test_pdfs_in_chinese(self):
        reports = self.env["ir.actions.report"].search(
            [
                ("report_name", "=like", "printing_complaint_report.%"),
                ("report_type", "in", ("qweb-pdf", "qweb-html")),
            ]
        )
        self.assertGreaterEqual(len(reports), 7)
        for report in reports.with_context(lang="zh_CN"):
            with self.subTest(report=report.report_name):
                records = self.env[report.model].search([], limit=1)
                if report.model == "helpdesk.ticket":
                    records = self.complaint
                markup, _kind = report._render_qweb_html(
                    report.report_name, records.ids
                )
                self.assertNoEnglish(visible_text(markup), report.report_name)

    def test_the_check_finds_english(self):
        """The same document in English is refused: the list catches."""
        self.complaint.partner_id.lang = "en_US"
        markup, _kind = (
            self.env["ir.actions.report"]
            .with_context(lang="en_US")
            ._render_qweb_html(
                "printing_complaint_report.report_complaint_registration",
                self.complaint.ids,
            )
        )
        _text, found = self._english(visible_text(markup))
        self.assertIn("Customer", found)
