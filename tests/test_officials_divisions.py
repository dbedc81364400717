"""China's divisions (data/divisions.yaml) keep a post's organisation whole across their names."""

from __future__ import annotations

import pytest

from reader.officials import extract_officials


def _titles(text: str) -> dict[str, list[str]]:
    report = extract_officials((text,), names=None)
    return {o.name: list(o.titles) for o in report.officials}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("大同市委书记张吉福出席会议。", "张吉福", "大同市委书记"),  # 同 ends a prefix elsewhere
        ("会同县委书记刘宇主持会议。", "刘宇", "会同县委书记"),
        ("茂名职业技术学院院长张庆致辞。", "张庆", "茂名职业技术学院院长"),  # 名, as in 3名
        ("新和县委书记李强出席会议。", "李强", "新和县委书记"),  # the full form keeps 和
    ],
)
def test_a_division_holding_a_break_is_kept_whole(text: str, name: str, title: str) -> None:
    assert _titles(text)[name] == [title]


def test_a_division_read_as_a_conjunction_or_verb_is_not_kept() -> None:
    """县委书记朱某和县长刘某 (和县) and 王某同志任县财政局局长 (任县) keep their usual reading."""
    assert _titles("县委书记朱晞颜和县长刘贵忠出席。")["刘贵忠"] == ["县长"]
    assert _titles("王建平同志任县财政局局长。")["王建平"] == ["县财政局局长"]


def test_a_short_form_ending_in_a_conjunction_is_not_kept() -> None:
    """塞西和法国总统: 西和 (西和县) is left out of the short forms, so 和 still joins two people."""
    titles = _titles("习近平分别向埃及总统塞西和法国总统奥朗德致慰问电。")
    assert titles["奥朗德"] == ["法国总统"]
