# Copyright 2026 Printing Complaint contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's portal screens as rendered: the home cards, the tickets
list on a phone, the filing form and the complaint's page (number, answer
date, steps, closure)."""

from datetime import timedelta

from lxml import html

from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PNG, complaint_with_apology_offered


def classes(element):
    return (element.get("class") or "").split()


class PortalScreenCase(HttpCase):
    def _page(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return html.fromstring(response.text)

    def _steps(self, page):
        return [
            (" ".join(li.text_content().split()), li.get("data-state"))
            for li in page.xpath("//div[@id='complaint_timeline']//li")
        ]


@tagged("post_install", "-at_install")
class TestPortalScreens(PortalScreenCase):
    def setUp(self):
        super().setUp()
        env = self.env
        self.rep = new_test_user(
            env,
            login="screens_rep",
            name="Screens Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        self.team = env.ref("printing_complaint.helpdesk_team_complaints")
        self.team.user_ids = [Command.link(self.rep.id)]
        self.customer = env["res.partner"].create(
            {"name": "Lotus Printing Buyer Ltd.", "is_company": True}
        )
        self.buyer = new_test_user(
            env,
            login="screens_buyer",
            password="screens_buyer_pw",
            name="Lotus Buyer",
            email="li@lotus.example.com",
            groups="base.group_portal",
        )
        self.buyer.partner_id.parent_id = self.customer
        Product = env["product.product"]
        brochure, poster, flyer = (
            Product.create({"name": name})
            for name in ("Brochure A4", "Poster A2", "Flyer A5")
        )
        self.order = self._order([brochure, poster], days_ago=1)
        self.older = self._order([flyer], days_ago=10)
        self.Ticket = env["helpdesk.ticket"]

    def _order(self, products, days_ago):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.rep.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 100})
                    for p in products
                ],
            }
        )
        order.action_confirm()
        order.date_order = fields.Datetime.now() - timedelta(days=days_ago)
        return order

    def _registered(self, **values):
        vals = {
            "name": "Covers too dark",
            "description": "<p>Dark blue.</p>",
            "team_id": self.team.id,
            "partner_id": self.buyer.partner_id.id,
            "sale_order_id": self.order.id,
            "sale_line_ids": [Command.set(self.order.order_line[:1].ids)],
            "user_id": self.rep.id,
            "acknowledged_date": fields.Datetime.now(),
            "request_ids": [
                Command.set(self.env.ref("printing_complaint.request_reprint").ids)
            ],
        }
        vals.update(values)
        complaint = self.Ticket.create(vals)
        self.env["ir.attachment"].create(
            {
                "name": "cover.png",
                "raw": PNG,
                "res_model": "helpdesk.ticket",
                "res_id": complaint.id,
            }
        )
        return complaint

    def _submit(self, files=None, **data):
        form = {
            "csrf_token": http.Request.csrf_token(self),
            "submission_key": "screens-1",
            "order": str(self.older.id),
            "lines": [str(self.older.order_line.id)],
            "subject": "Flyers cut crooked",
            "description": "The flyers are cut 3 mm off.",
            "requests": [str(self.env.ref("printing_complaint.request_reprint").id)],
            "quantity": "250",
            "date_found": "2026-11-30",
        }
        form.update(data)
        return self.url_open(
            "/my/complaint/submit",
            data=form,
            files=files or [("attachment", ("cut.png", PNG, "image/png"))],
        )

    # -- home ------------------------------------------------------------

    def test_home_cards_are_separate_links_counting_the_complaints(self):
        self._registered()
        self.authenticate("screens_buyer", "screens_buyer_pw")
        page = self._page("/my")
        self.assertFalse(page.xpath("//a[.//a]"))
        card = page.xpath("//a[@href='/my/tickets']")
        self.assertEqual(len(card), 1)
        # helpdesk_mgmt's card held its "New" form, ours held "File a complaint"
        self.assertFalse(card[0].xpath(".//form | .//button | .//input"))
        self.assertIn("Complaints", card[0].text_content())
        self.assertNotIn("Tickets", card[0].text_content())
        counter = card[0].xpath(".//span[@data-placeholder_count='ticket_count']")
        self.assertTrue(counter)
        self.assertNotIn("d-none", classes(counter[0]))
        self.assertNotIn("d-none", classes(card[0].getparent()))
        # Filing one is an entry of its own, always shown.
        file_card = page.xpath("//a[@href='/my/complaint/new']")
        self.assertEqual(len(file_card), 1)
        self.assertIn("File a complaint", file_card[0].text_content())
        self.assertFalse(file_card[0].xpath(".//form | .//button | .//a"))
        self.assertNotIn("d-none", classes(file_card[0].getparent()))
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["ticket_count"]}
        )
        self.assertEqual(counters["ticket_count"], 1)

    def test_home_card_says_tickets_when_not_all_are_complaints(self):
        support = self.env["helpdesk.ticket.team"].create({"name": "IT support"})
        self._registered()
        self.Ticket.create(
            {
                "name": "Cannot log in",
                "description": "<p>Password?</p>",
                "team_id": support.id,
                "partner_id": self.buyer.partner_id.id,
            }
        )
        self.authenticate("screens_buyer", "screens_buyer_pw")
        card = self._page("/my").xpath("//a[@href='/my/tickets']")[0]
        self.assertIn("Tickets", card.text_content())
        self.assertNotIn("Complaints", card.text_content())

    # -- tickets list ----------------------------------------------------

    def test_tickets_list_keeps_number_title_and_step_on_a_phone(self):
        complaint = self._registered()
        self.authenticate("screens_buyer", "screens_buyer_pw")
        page = self._page("/my/tickets")
        head = page.xpath("//table//thead/tr")[0]
        hidden = [th.get("name") for th in head if "d-none" in classes(th)]
        self.assertEqual(
            hidden,
            [
                "th_partner",
                "th_category",
                "th_create_date",
                "th_last_stage_update",
                "th_closed_date",
            ],
        )
        for th in head:
            if th.get("name") in hidden:
                self.assertIn("d-md-table-cell", classes(th))
        row = page.xpath("//table//tbody/tr")[0]
        shown = [
            " ".join(td.text_content().split())
            for td in row
            if "d-none" not in classes(td)
        ]
        self.assertEqual(
            shown, [complaint.number, complaint.name, complaint.stage_id.name]
        )
        # "File a complaint" is outside the search bar's collapsed menu.
        link = page.xpath("//a[@id='complaint_new_link']")
        self.assertEqual(len(link), 1)
        self.assertFalse(link[0].xpath("ancestor::*[@id='o_portal_navbar_content']"))
        self.assertFalse(page.xpath("//a//a"))

    # -- filing form -----------------------------------------------------

    def test_form_shows_the_chosen_orders_lines_the_markers_and_the_limit(self):
        self.env.company.complaint_portal_max_file_mb = 7
        self.authenticate("screens_buyer", "screens_buyer_pw")
        page = self._page("/my/complaint/new")
        lines = page.xpath("//div[@id='complaint_lines']//input[@name='lines']")
        shown = {
            int(i.get("value"))
            for i in lines
            if "d-none" not in classes(i.getparent()) and i.get("disabled") is None
        }
        # The newest order is chosen first: only its lines are offered.
        self.assertEqual(shown, set(self.order.order_line.ids))
        self.assertEqual(
            page.xpath("//select[@id='complaint_order']/option[1]/@value"),
            [str(self.order.id)],
        )
        for line in lines:
            if int(line.get("value")) in self.older.order_line.ids:
                self.assertIn("d-none", classes(line.getparent()))
                self.assertIsNotNone(line.get("disabled"))
        for target in ("complaint_order", "complaint_subject", "complaint_description"):
            label = page.xpath(f"//label[@for='{target}']")[0]
            self.assertTrue(label.xpath("span[@class='text-danger']"), target)
        label = page.xpath("//div[@id='complaint_lines']/label")[0]
        self.assertEqual(label.xpath("span[@class='text-danger']/text()"), ["*"])
        limit = page.xpath("//div[@id='complaint_attachment_limit']")[0]
        self.assertIn("7 MB", " ".join(limit.text_content().split()))
        self.assertIn("10 files", " ".join(limit.text_content().split()))

    def test_refused_form_keeps_what_was_typed_and_ticked(self):
        self.authenticate("screens_buyer", "screens_buyer_pw")
        response = self._submit(description="  ")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(
            self.Ticket.search([("partner_id", "=", self.buyer.partner_id.id)])
        )
        page = html.fromstring(response.text)
        self.assertIn(
            "describe the problem",
            page.xpath("//div[@id='complaint_error']")[0].text_content(),
        )
        # the files cannot be kept: the customer is told to choose them again
        self.assertTrue(page.xpath("//div[@id='complaint_files_dropped']"))
        self.assertEqual(
            page.xpath("//select[@id='complaint_order']/option[@selected]/@value"),
            [str(self.older.id)],
        )
        self.assertEqual(
            page.xpath("//input[@id='complaint_subject']/@value"),
            ["Flyers cut crooked"],
        )
        self.assertEqual(
            page.xpath("//input[@id='complaint_quantity']/@value"), ["250"]
        )
        self.assertEqual(
            page.xpath("//input[@id='complaint_date_found']/@value"), ["2026-11-30"]
        )
        checked = page.xpath("//input[@name='lines'][@checked]/@value")
        self.assertEqual(checked, [str(self.older.order_line.id)])
        # the chosen order's lines are the ones shown
        line = page.xpath(
            f"//input[@value='{self.older.order_line.id}'][@name='lines']"
        )[0]
        self.assertNotIn("d-none", classes(line.getparent()))
        for other in self.order.order_line:
            line = page.xpath(f"//input[@value='{other.id}'][@name='lines']")[0]
            self.assertIn("d-none", classes(line.getparent()))
        reprint = self.env.ref("printing_complaint.request_reprint")
        self.assertEqual(
            page.xpath("//input[@name='requests'][@checked]/@value"), [str(reprint.id)]
        )
        # The description typed is kept as well.
        response = self._submit(submission_key="screens-2", order=str(self.order.id))
        self.assertEqual(response.status_code, 400)
        page = html.fromstring(response.text)
        self.assertIn(
            "affected lines",
            page.xpath("//div[@id='complaint_error']")[0].text_content(),
        )
        self.assertEqual(
            page.xpath("//textarea[@id='complaint_description']/text()"),
            ["The flyers are cut 3 mm off."],
        )
        # the line of the other order was not taken for one of this order
        self.assertFalse(page.xpath("//input[@name='lines'][@checked]"))
        self.assertFalse(
            self.Ticket.search([("partner_id", "=", self.buyer.partner_id.id)])
        )

    def test_filed_complaint_is_thanked_with_its_number_without_the_id(self):
        self.authenticate("screens_buyer", "screens_buyer_pw")
        response = self._submit()
        self.assertEqual(response.status_code, 200)
        complaint = self.Ticket.search([("partner_id", "=", self.buyer.partner_id.id)])
        self.assertEqual(len(complaint), 1)
        page = html.fromstring(response.text)
        thanks = page.xpath("//div[@id='complaint_filed']")
        self.assertEqual(len(thanks), 1)
        self.assertIn(complaint.number, thanks[0].text_content())
        header = page.xpath("//div[@id='card_header']")[0].text_content()
        self.assertNotIn(f"#{complaint.id}", header)
        self.assertIn(
            complaint.number, page.xpath("//h2[@data-id='number']")[0].text_content()
        )
        # opened later, the page does not thank again
        page = self._page(f"/my/ticket/{complaint.id}")
        self.assertFalse(page.xpath("//div[@id='complaint_filed']"))
        self.assertNotIn(
            f"#{complaint.id}", page.xpath("//div[@id='card_header']")[0].text_content()
        )
        # a fresh complaint: registered now, the rest to come, we answer by
        self.assertEqual(
            [state for _name, state in self._steps(page)],
            ["current", "todo", "todo", "todo", "todo", "todo", "todo"],
        )
        self.assertTrue(page.xpath("//div[@id='complaint_step_deadline']"))
        # One step shown (not helpdesk_mgmt's stage badge beside it), the
        # deadline to the minute, and the breadcrumb says "Complaints".
        header = page.xpath("//div[@id='card_header']")[0].text_content()
        self.assertNotIn("Stage:", header)
        self.assertEqual(len(page.xpath("//div[@id='complaint_step']")), 1)
        due = page.xpath("//div[@id='complaint_step_deadline']")[0].text_content()
        self.assertNotRegex(due, r"\d+:\d\d:\d\d")
        crumbs = page.xpath("//ol[contains(@class, 'o_portal_submenu')]//a")
        self.assertIn("Complaints", [crumb.text_content().strip() for crumb in crumbs])

    def test_not_valid_complaint_shows_the_reason_and_skipped_steps(self):
        complaint = self._registered()
        complaint.action_next_step()
        complaint.write(
            {
                "proof_checked": True,
                "category_id": self.env.ref("printing_complaint.category_colour").id,
                "validity": "not_valid",
                "invalid_reason": "The colour matches the signed proof.",
                "closure_summary": "Measured against the proof: within tolerance.",
            }
        )
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closed")
        self.authenticate("screens_buyer", "screens_buyer_pw")
        page = self._page(f"/my/ticket/{complaint.id}")
        closed = page.xpath("//div[@id='complaint_closed']")[0]
        self.assertIn(
            "The colour matches the signed proof.",
            closed.xpath(".//div[@id='complaint_not_valid_reason']")[0].text_content(),
        )
        self.assertIn(
            "within tolerance",
            closed.xpath(".//div[@id='complaint_closure_summary']")[0].text_content(),
        )
        self.assertFalse(page.xpath("//div[@id='complaint_rating_link']"))
        self.assertFalse(page.xpath("//div[@id='complaint_step_deadline']"))
        self.assertEqual(
            [state for _name, state in self._steps(page)],
            ["done", "done", "skipped", "skipped", "skipped", "skipped", "done"],
        )

    def test_other_customers_complaint_page_stays_closed(self):
        complaint = self._registered()
        stranger = new_test_user(
            self.env,
            login="screens_stranger",
            password="screens_stranger_pw",
            name="Stranger",
            groups="base.group_portal",
        )
        stranger.partner_id.parent_id = self.env["res.partner"].create(
            {"name": "Other Co.", "is_company": True}
        )
        self.authenticate("screens_stranger", "screens_stranger_pw")
        response = self.url_open(f"/my/ticket/{complaint.id}?filed=1")
        self.assertNotIn(complaint.number, response.text)
        self.assertTrue(response.url.endswith("/my"))
        home = html.fromstring(self.url_open("/my").text)
        self.assertTrue(home.xpath("//a[@href='/my/complaint/new']"))
        self.assertEqual(
            self.make_jsonrpc_request("/my/counters", {"counters": ["ticket_count"]})[
                "ticket_count"
            ],
            0,
        )


@tagged("post_install", "-at_install")
class TestPortalComplaintProgress(PortalScreenCase):
    """The complaint's page along the procedure: who owes the next answer,
    the steps, and the closure with its rating."""

    def setUp(self):
        super().setUp()
        env = self.env
        rep = new_test_user(
            env,
            login="progress_rep",
            name="Progress Rep",
            groups="printing_complaint.group_complaint_sales",
        )
        self.head = new_test_user(
            env,
            login="progress_head",
            name="Progress Head",
            groups="printing_complaint.group_complaint_production",
        )
        self.complaint = complaint_with_apology_offered(env, rep, self.head)
        buyer = new_test_user(
            env,
            login="progress_buyer",
            password="progress_buyer_pw",
            name="Lotus Buyer",
            email="li@lotus.example.com",
            groups="base.group_portal",
        )
        buyer.partner_id.parent_id = self.complaint.partner_id
        self.url = f"/my/ticket/{self.complaint.id}"

    def _state(self):
        self.env.flush_all()
        page = self._page(self.url)
        return (
            bool(page.xpath("//div[@id='complaint_step_deadline']")),
            [state for _name, state in self._steps(page)],
            page,
        )

    def test_answer_date_steps_and_closure_along_the_procedure(self):
        complaint = self.complaint
        self.authenticate("progress_buyer", "progress_buyer_pw")
        # The offer waits for the customer: we owe nothing now.
        owed, steps, page = self._state()
        self.assertTrue(complaint.step_deadline)
        self.assertFalse(owed)
        self.assertEqual(
            steps, ["done", "done", "done", "current", "todo", "todo", "todo"]
        )
        names = [name for name, _state in self._steps(page)]
        self.assertEqual(len(names), 7)
        self.assertTrue(names[3].startswith("4."), names)
        # Accepted: we carry it out, by the step's time limit.
        self.env["printing.complaint.decision"].create(
            {"ticket_id": complaint.id, "decision": "accepted", "note": "Fine"}
        )
        self.assertEqual(complaint.complaint_step, "execution")
        owed, steps, _page = self._state()
        # ours to carry out (the step has no time limit: no date to give)
        self.assertTrue(complaint._complaint_portal_answer_owed())
        self.assertEqual(owed, bool(complaint.step_deadline))
        self.assertEqual(steps.index("current"), 4)
        # Carried out: the customer is asked to confirm the closure.
        complaint.action_next_step()
        owed, steps, _page = self._state()
        self.assertTrue(complaint.step_deadline)
        self.assertFalse(owed)
        self.assertEqual(steps.index("current"), 5)
        complaint.action_confirm_closure()
        owed, _steps, page = self._state()
        self.assertTrue(owed)
        self.assertFalse(page.xpath("//div[@id='complaint_closed']"))
        # Closed: the summary and the rating asked by the closure email.
        self.env["mgmtsystem.action"].create(
            {
                "name": "Measure the ink density on the first sheets",
                "type_action": "correction",
                "complaint_ids": [Command.set(complaint.ids)],
                "user_id": self.head.id,
            }
        )
        complaint.write(
            {
                "closure_summary": "Apologised; QC checks blue covers.",
                "lessons_learned": "Density",
            }
        )
        complaint.action_next_step()
        self.assertEqual(complaint.complaint_step, "closed")
        self.env.flush_all()
        self.env.cr.precommit.run()  # the closure email asks for the rating
        rating = complaint.rating_ids
        self.assertEqual(len(rating), 1)
        owed, steps, page = self._state()
        self.assertFalse(owed)
        self.assertEqual(steps, ["done"] * 7)
        closed = page.xpath("//div[@id='complaint_closed']")[0]
        self.assertIn(
            "QC checks blue covers",
            closed.xpath(".//div[@id='complaint_closure_summary']")[0].text_content(),
        )
        self.assertFalse(closed.xpath(".//div[@id='complaint_not_valid_reason']"))
        links = closed.xpath(".//div[@id='complaint_rating_link']//a/@href")
        self.assertEqual(
            links,
            [f"/complaint/rate/{rating.access_token}/{score}" for score in range(1, 6)],
        )
        # Once rated, the link goes.
        complaint._complaint_apply_rating(4, "Good", False, token=rating.access_token)
        _owed, _steps, page = self._state()
        self.assertFalse(page.xpath("//div[@id='complaint_rating_link']"))
        self.assertTrue(page.xpath("//div[@id='complaint_closure_summary']"))
