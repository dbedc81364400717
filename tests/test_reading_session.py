"""The reading session without an app: what is selected, which trail `n` follows, what is lit."""

from __future__ import annotations

from pathlib import Path

from reader.article import Article
from reader.officials.model import Mention, Official, OfficialsReport
from reader.reading import ReadingSession, Span, Stop

ARTICLE = Article(
    path=Path("/lib/a.txt"),
    title="标题",
    paragraphs=("市委书记郑亚军讲话。", "郑亚军强调，国防动员要抓实。", "会议由柳鹏主持。国防教育。"),
)
REPORT = OfficialsReport(
    [
        Official("郑亚军", ["市委书记"], [Mention(0, 4, 7), Mention(1, 0, 3)]),
        Official("柳鹏", ["市长"], [Mention(2, 3, 5)]),
    ]
)


def opened() -> ReadingSession:
    session = ReadingSession()
    session.open(ARTICLE)
    assert session.officials_found(ARTICLE, REPORT)
    return session


def test_a_report_for_an_article_no_longer_open_is_ignored() -> None:
    session = ReadingSession()
    session.open(ARTICLE)
    other = Article(path=Path("/lib/b.txt"), title="另一篇", paragraphs=("正文。",))
    session.open(other)
    assert not session.officials_found(ARTICLE, REPORT) and session.report is None


def test_choosing_an_official_sets_off_on_their_mentions() -> None:
    session = opened()
    assert session.trail_text() is None
    assert session.choose_official(0) == Stop(0, 4, 7)
    assert session.selected_official == 0 and session.trail is session.official_trail
    assert session.trail_text() == "郑亚军 1/2"
    assert session.step(+1) == Stop(1, 0, 3) and session.trail_text() == "郑亚军 2/2"
    assert session.step(+1) == Stop(0, 4, 7)  # round again
    assert session.step(-1) == Stop(1, 0, 3)


def test_no_such_official_changes_nothing() -> None:
    session = opened()
    assert session.choose_official(5) is None and session.choose_official(-1) is None
    assert session.selected_official is None and session.trail is None
    assert session.step(+1) is None  # nothing to step through


def test_the_trail_set_off_last_is_the_one_that_steps() -> None:
    session = opened()
    session.choose_official(0)
    assert session.search("国防", cursor=0) == Stop(1, 6, 8)
    assert session.trail is session.search_trail and session.trail_text() == "「国防」 1/2"
    assert session.step(+1) == Stop(2, 8, 10)
    session.choose_official(1)
    assert session.trail_text() == "柳鹏 1/1"  # the official again; the search is kept
    assert session.search_trail is not None


def test_a_search_starts_at_the_first_match_at_or_after_the_cursor() -> None:
    session = opened()
    assert session.search("国防", cursor=2) == Stop(2, 8, 10)
    assert session.trail_text() == "「国防」 2/2"
    assert session.search("国防", cursor=9) == Stop(1, 6, 8)  # none after: from the first
    assert session.last_query == "国防"


def test_a_search_that_finds_nothing_changes_nothing() -> None:
    session = opened()
    session.choose_official(0)
    assert session.search("没有的词", cursor=0) is None
    assert session.search_trail is None and session.trail is session.official_trail
    assert session.last_query == ""


def test_clearing_the_search_goes_back_to_the_official() -> None:
    session = opened()
    session.search("国防", cursor=0)
    session.clear_search()
    assert session.search_trail is None and session.trail is None
    session.choose_official(1)
    session.search("国防", cursor=0)
    session.clear_search()
    assert session.trail is session.official_trail and session.trail_text() == "柳鹏 1/1"


def test_spans_light_every_mention_the_selection_the_matches_and_where_the_trail_is() -> None:
    session = opened()
    assert session.spans() == [Span(0, 4, 7), Span(1, 0, 3), Span(2, 3, 5)]
    session.choose_official(0)
    assert session.spans() == [
        Span(0, 4, 7, "mention-selected"),
        Span(1, 0, 3, "mention-selected"),
        Span(2, 3, 5, "mention"),
        Span(0, 4, 7, "mention-current"),
    ]
    session.search("国防", cursor=0)
    kinds = [span.kind for span in session.spans()]
    assert kinds.count("match") == 2 and kinds[-1] == "match-current"
    assert "mention-current" not in kinds  # only the active trail's stop is marked


def test_a_new_article_forgets_the_old_ones_selection_but_not_the_last_query() -> None:
    session = opened()
    session.choose_official(0)
    session.search("国防", cursor=0)
    session.open(ARTICLE)
    assert session.report is None and session.selected_official is None
    assert session.trail is None and session.search_trail is None and session.official_trail is None
    assert session.spans() == [] and session.last_query == "国防"


def test_the_status_and_the_paragraph_under_the_cursor() -> None:
    session = ReadingSession()
    assert session.position_text(0, 0) == "¶ –" and session.paragraph_at(0) is None
    session.open(ARTICLE)
    assert session.position_text(2, 3) == "¶ 3/3"
    assert session.paragraph_at(7) == 2  # a cursor past the end is on the last paragraph
    assert session.official(0) is None  # no report yet


def test_n_and_N_step_from_the_cursor_not_from_the_stop_visited_last() -> None:
    session = opened()
    session.search("国防", cursor=0)  # matches in paragraphs 1 and 2
    assert session.trail_text() == "「国防」 1/2" and session.wrapped == 0
    assert session.step(+1, cursor=0) == Stop(1, 6, 8)  # the first after ¶ 0 is where it is…
    assert session.trail_text() == "「国防」 1/2" and session.wrapped == 0
    assert session.step(-1, cursor=2) == Stop(1, 6, 8)  # the last before ¶ 2
    assert session.step(+1, cursor=2) == Stop(1, 6, 8)  # none after ¶ 2: round to the first
    assert session.wrapped == 1 and session.wrap_text() == "Past the end: back to the first of 「国防」"
    assert session.step(-1, cursor=0) == Stop(2, 8, 10)  # none before ¶ 0: round to the last
    assert session.wrapped == -1 and session.wrap_text() == "Past the start: back to the last of 「国防」"
    assert session.step(+1, cursor=2) == Stop(1, 6, 8)  # at a stop in the cursor's ¶: the next


def test_stops_in_one_paragraph_are_stepped_one_by_one() -> None:
    article = Article(path=Path("/lib/c.txt"), title="标题", paragraphs=("国防国防国防。", "无。", "国防。"))
    session = ReadingSession()
    session.open(article)
    assert session.search("国防", cursor=0) == Stop(0, 0, 2)
    assert session.step(+1, cursor=0) == Stop(0, 2, 4)
    assert session.step(+1, cursor=0) == Stop(0, 4, 6)
    assert session.step(+1, cursor=0) == Stop(2, 0, 2) and session.wrapped == 0
    assert session.step(-1, cursor=1) == Stop(0, 4, 6)  # the last stop before ¶ 1
    assert session.search("国防", cursor=3) == Stop(0, 0, 2) and session.wrapped == 1
