"""任免 formula classes of the sixth round (tuned on dev5), one made-up notice each:
guesses that are no moves, leaving a post, the words and causes between a name and its
verb, names whose last character is a place's, questions, elections told as a list."""

from __future__ import annotations

import pytest

from reader.people.events import find_events


def read(*paragraphs: str, date: str = "2021-05-06") -> list[tuple[str, str, str]]:
    return [(e.name, e.kind, e.post) for e in find_events(list(paragraphs), date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a guess is no move, even beside a notice word
        ("据悉，青山市委书记王小明或将出任省委常委。", []),
        ("官方宣布，王小明有望接任青山市委书记。", []),
        # 离任 leaves the post
        ("李大海离任主任一职，去向未公布。", [("李大海", "removed", "主任")]),
        # words and causes between the names and the verb
        (
            "2013年5月，王小明和李大海因分别调任青山市副市长和青山县县长，提交了辞呈。",
            [("王小明", "transferred", "青山市副市长"), ("李大海", "transferred", "青山县县长")],
        ),
        (
            "王小明先生由于工作变动原因辞去公司董事长、董事职务，同时相应辞去公司战略委员会主任委员等职务。",
            [("王小明", "removed", "公司董事长、董事"), ("王小明", "removed", "公司战略委员会主任委员")],
        ),
    ],
)
def test_guesses_leaving_and_words_before_the_verb(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected
