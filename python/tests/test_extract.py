"""chronograph.extract: one document, every place indexing the text given."""
import os

import pytest

import chronograph
from conftest import EXAMPLES, TEST_DATA, cli_error, example


def test_english_example():
    text = example("en_openai_2015.txt")
    doc = chronograph.extract(text)
    labels = {(e["type"], e["label"]) for e in doc["entities"]}
    assert ("ORG", "OpenAI") in labels
    assert ("PERSON", "Sam Altman") in labels
    dates = {(d["line"], d["text"], d["value"]) for d in doc["dates"]}
    assert (3, "December 2015", "2015-12") in dates
    assert (4, "December 11, 2015", "2015-12-11") in dates
    founded = [r for r in doc["relations"] if r["type"] == "founded" and r["to"] == "openai"]
    assert founded, doc["relations"]
    assert any(e["date"] == "2015-12" and "openai" in e["entities"] for e in doc["events"])


def check_places(text, doc):
    """Every place indexes `text` (a str: characters; bytes: bytes)."""
    encoded = text.encode("utf-8") if isinstance(text, str) else text
    for key, field in (("mentions", "text"), ("dates", "text"), ("sentences", "text")):
        for item in doc[key]:
            assert text[item["begin"]:item["end"]] == (item[field] if isinstance(text, str)
                                                       else item[field].encode("utf-8")), item
            assert encoded[item["byte_begin"]:item["byte_end"]].decode("utf-8") == item[field], item


def test_chinese_offsets_count_characters():
    text = example("zh_alexnet.txt")
    doc = chronograph.extract(text, name="examples/zh_alexnet.txt")
    assert doc["document"] == "examples/zh_alexnet.txt"
    assert any(m["label"] == "Geoffrey Hinton" and m["text"] == "杰弗里·辛顿" for m in doc["mentions"])
    assert any(d["text"] == "1947 年" and d["value"] == "1947" for d in doc["dates"])
    check_places(text, doc)


def test_bytes_offsets_count_bytes():
    text = example("mixed_dgx.md").encode("utf-8")
    doc = chronograph.extract(text)
    assert doc["mentions"]
    check_places(text, doc)


def test_entities_count_their_mentions():
    doc = chronograph.extract(example("en_history.txt"))
    counted = {e["id"]: e["mentions"] for e in doc["entities"]}
    for entity_id, n in counted.items():
        assert n == sum(1 for m in doc["mentions"] if m["entity"] == entity_id)


def test_reference_date():
    text = "去年，AlexNet 夺冠。"
    assert not any(d["kind"] == "relative" for d in chronograph.extract(text)["dates"])
    doc = chronograph.extract(text, date="2013-02-12")
    assert doc["reference_date"] == "2013-02-12"
    assert [(d["value"], d["kind"]) for d in doc["dates"]] == [("2012", "relative")]


def test_lang_keeps_one_language():
    text = example("zh_openai_2016.txt")
    both = chronograph.extract(text)
    zh = chronograph.extract(text, lang="zh")
    en = chronograph.extract(text, lang="en")
    assert zh["dates"] == both["dates"]
    # Without the Chinese rules, "2016 年" is read by the common ones as "2016".
    assert any("年" in d["text"] for d in zh["dates"])
    assert not any("年" in d["text"] for d in en["dates"])
    with pytest.raises(chronograph.UsageError, match="no rules for language 'fr'"):
        chronograph.extract(text, lang="fr")


def test_rules_overlay():
    doc = chronograph.extract(example("zh_alexnet.txt"), rules=os.path.join(TEST_DATA, "overlay_rules"))
    assert doc["dates"]


def test_rule_error_is_the_cli_message():
    broken = os.path.join(TEST_DATA, "bad_rules", "cli_broken_dates")
    with pytest.raises(chronograph.RuleError) as raised:
        chronograph.extract("2012 年", rules=broken)
    assert isinstance(raised.value, ValueError) and isinstance(raised.value, chronograph.Error)
    assert "cli_broken_dates/zh/dates.json:4:12: rule zh.dates.year: missing )" in str(raised.value)
    assert str(raised.value) == cli_error("build", os.path.join(EXAMPLES, "zh_alexnet.txt"), "--rules", broken,
                                          "--out", os.path.join(os.environ.get("CHRONOGRAPH_TEST_TMP", "/tmp"),
                                                                "never_written"))


def test_bad_input():
    with pytest.raises(chronograph.InvalidInputError, match="<string>"):
        chronograph.extract(b"\x00\x01\x02\x03" * 64)
    with pytest.raises(chronograph.UsageError, match="not a calendar date YYYY-MM-DD: 2023-02-30"):
        chronograph.extract("今天", date="2023-02-30")
    with pytest.raises(chronograph.InvalidInputError, match="rules directory not found"):
        chronograph.extract("x", rules=os.path.join(TEST_DATA, "no_such_rules_dir"))
    with pytest.raises(TypeError):
        chronograph.extract(42)


def test_invalid_utf8_bytes_are_repaired_with_a_warning():
    with open(os.path.join(TEST_DATA, "invalid_utf8.txt"), "rb") as f:
        data = f.read()
    doc = chronograph.extract(data, name="invalid_utf8.txt")
    assert any("invalid_utf8.txt:3:9: 1 invalid UTF-8 byte replaced by U+FFFD" in w for w in doc["warnings"])
