"""Every officials rule earns its place: its made-up example reads as stated, and otherwise without it.

The registry (`reader.officials.rules.RULES`) names each rule the passes consult; the
source must ask for exactly those names, so a rule cannot hide outside the registry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.officials import load_lexicon
from reader.officials.extract import extract_officials, render_reading
from reader.officials.rules import RULE_NAMES, RULES, Rule, RuleSet

PACKAGE = Path(__file__).resolve().parents[1] / "reader" / "officials"


@pytest.fixture(autouse=True)
def bundled_lexicon():
    load_lexicon.cache_clear()
    yield
    load_lexicon.cache_clear()


def reading(rule: Rule, rules: RuleSet) -> str:
    report = extract_officials(list(rule.example), names=None, rules=rules, title=rule.headline)
    return render_reading(report)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_the_example_reads_as_stated_with_every_rule(rule: Rule) -> None:
    assert reading(rule, RuleSet()) == rule.reading


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_the_example_reads_otherwise_without_its_rule(rule: Rule) -> None:
    assert reading(rule, RuleSet.without(rule.name)) != rule.reading


def test_the_source_asks_for_exactly_the_registered_rules() -> None:
    asked: set[str] = set()
    for path in PACKAGE.glob("*.py"):
        asked |= set(re.findall(r"""\bon\(\s*["']([a-z_]+)["']""", path.read_text(encoding="utf-8")))
        asked |= set(re.findall(r"""\bon\(\s*"([a-z_]+)"\s+if""", path.read_text(encoding="utf-8")))
        asked |= set(re.findall(r"""else\s+"([a-z_]+)"\s*\)""", path.read_text(encoding="utf-8")))
    assert asked == RULE_NAMES


def test_an_unknown_rule_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown officials rules: nonesuch"):
        RuleSet.without("nonesuch")


def test_names_are_unique() -> None:
    assert len(RULE_NAMES) == len(RULES)
