"""Pages printed in traditional characters: read as simplified, reported as printed."""

from __future__ import annotations

from reader.officials import extract_officials
from reader.people.events import find_events
from reader.script import as_printed, has_glosses, looks_traditional, to_simplified, without_glosses


def test_conversion_keeps_every_offset() -> None:
    text = "縣長張安民講話，免去盧炳椿的職務。"
    simple = to_simplified(text)
    assert simple == "县长张安民讲话，免去卢炳椿的职务。" and len(simple) == len(text)
    assert as_printed("张安民", simple, text) == "張安民"


def test_simplified_text_is_left_alone() -> None:
    assert not looks_traditional(
        ["县长张安民讲话。", "乾隆年间的著名学者。"]
    )  # a stray 乾 or 著 is not enough
    assert looks_traditional(["縣長張安民講話，會議決定任命王永禮為副市長。"])


def test_officials_of_a_traditional_page_are_given_as_printed() -> None:
    report = extract_officials(
        [
            "會議決定：任命王永禮為泉州市人民政府副市長；免去盧炳椿泉州市人民政府副市長的職務。",
            "縣長張安民講話。",
        ],
        names=None,
    )
    assert {o.name: o.titles for o in report.officials} == {
        "王永禮": ["泉州市人民政府副市長"],
        "盧炳椿": ["泉州市人民政府副市長"],
        "張安民": ["縣長"],
    }


def test_events_of_a_traditional_notice_are_given_as_printed() -> None:
    events = find_events(
        ["會議決定任命王永禮為泉州市人民政府副市長，免去盧炳椿的泉州市公安局局長職務。"], "2018-07-23"
    )
    assert {(e.name, e.kind, e.post) for e in events} == {
        ("王永禮", "appointed", "泉州市人民政府副市長"),
        ("盧炳椿", "removed", "泉州市公安局局長"),
    }


def test_pinyin_glosses_are_read_past_and_mentions_point_at_the_printed_text() -> None:
    printed = "青山市市長(zhǎng)王小明出席會議，副市長(zhǎng)李大海主持。王小明講話。"
    assert has_glosses([printed]) and not has_glosses(["王小明(右)出席会议。"])
    assert without_glosses("調(diào)整")[0] == "調整"
    report = extract_officials([printed])
    found = {o.name: (o.titles, [printed[m.start : m.end] for m in o.mentions]) for o in report.officials}
    assert found == {"王小明": (["青山市市長"], ["王小明", "王小明"]), "李大海": (["副市長"], ["李大海"])}
    headline = extract_officials(["王小明講話。"], title="青山市市長(zhǎng)王小明調研")
    mention = headline.officials[0].mentions[0]
    assert (mention.paragraph, "青山市市長(zhǎng)王小明調研"[mention.start : mention.end]) == (-1, "王小明")
