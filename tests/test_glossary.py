"""Both addons' Chinese follows docs/glossary.md: one term for one thing."""

import re
from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parent.parent
GLOSSARY = REPO / "docs" / "glossary.md"
CATALOGS = [
    REPO / addon / "i18n" / "zh_CN.po"
    for addon in (
        "printing_complaint",
        "printing_complaint_report",
        "printing_complaint_stock",
    )
] + [
    # the OCA modules' terms as our users meet them (helpdesk, tiers, actions)
    REPO / "printing_complaint" / "i18n_extra" / "zh_CN.po",
]


def glossary():
    """[(english, chinese, [words not to use])] from the glossary's table."""
    rows = []
    for line in GLOSSARY.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("English", "---"):
            continue
        avoid = [word.strip() for word in cells[2].split(",") if word.strip()]
        rows.append((cells[0], cells[1], avoid))
    return rows


def label(text):
    """A translation's text as a label: no HTML tags, no trailing colon."""
    return re.sub(r"<[^>]+>", "", text).strip().rstrip(":：").strip()


def test_the_glossary_is_read():
    terms = {english: chinese for english, chinese, _avoid in glossary()}
    assert terms["Channel"] == "受理渠道"
    assert len(terms) > 30


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: str(p.relative_to(REPO)))
def test_labels_follow_the_glossary(catalog):
    terms = {english.lower(): chinese for english, chinese, _avoid in glossary()}
    wrong = [
        f"{entry.msgid!r} -> {entry.msgstr!r} (glossary: {terms[key]})"
        for entry in polib.pofile(str(catalog))
        if (key := label(entry.msgid).lower()) in terms
        and label(entry.msgstr) != terms[key]
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: str(p.relative_to(REPO)))
def test_no_translation_uses_a_word_the_glossary_replaces(catalog):
    avoided = {
        word: english for english, _chinese, avoid in glossary() for word in avoid
    }
    found = [
        f"{entry.msgid[:60]!r}: {word} (glossary: {avoided[word]})"
        for entry in polib.pofile(str(catalog))
        for word in avoided
        if word in entry.msgstr
    ]
    assert not found, "\n".join(found)
