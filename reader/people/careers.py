"""A person's career: each post with the first and last date it is printed, and the events.

Why here and not in the grouping: the grouping decides who is who; this only orders what
one person's mentions say. A post is the text as printed (外交部长 and 外交部部长 stay
two, so nothing the article says is hidden); a new post is a step. A post printed only as
former (原, 时任) is placed just before the first article that calls it so: it was held
before that day, how long before is not known. Articles without a date are listed apart,
never guessed into the order. Events (任命, 当选…) are steps of their own at their date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypedDict

from reader.people.model import Career, CareerStep, Event, Mention, PostSpan
from reader.pinyin import name_pinyin

Story = Callable[[str], object]
"""The story an article's path prints (reader.library.reposts): copies of one count once."""


def _own(path: str) -> object:
    return path


def posts(mentions: Sequence[Mention], story: Story = _own) -> list[PostSpan]:
    """Every post the mentions print, in career order (see the module's docstring); a post's
    `articles` counts a story several files print once."""
    current: dict[str, list[str]] = {}
    formerly: dict[str, list[str]] = {}
    paths: dict[str, list[str]] = {}
    for mention in mentions:
        for index, title in enumerate(mention.titles):
            former = index < len(mention.former) and mention.former[index]
            paths.setdefault(title, [])
            if mention.path not in paths[title]:
                paths[title].append(mention.path)
            if mention.date:
                (formerly if former else current).setdefault(title, []).append(mention.date[:10])
    spans = []
    for title, where in paths.items():
        dates = sorted(current.get(title, ()))
        before = sorted(formerly.get(title, ()))
        only_former = (not dates and bool(before)) or (
            not dates and not before and _all_former(mentions, title)
        )
        shown = dates or before
        spans.append(
            PostSpan(
                title,
                shown[0] if shown else None,
                shown[-1] if shown else None,
                len({story(path) for path in where}),
                only_former,
                tuple(where),
            )
        )
    return sorted(spans, key=_order)


def _all_former(mentions: Sequence[Mention], title: str) -> bool:
    flags = [
        m.former[i] for m in mentions for i, t in enumerate(m.titles) if t == title and i < len(m.former)
    ]
    return bool(flags) and all(flags)


def _order(span: PostSpan) -> tuple[int, str, int, str]:
    if span.first is None:
        return (1, "", 0, span.title)
    return (0, span.first, 0 if span.former else 1, span.title)


def career(mentions: Sequence[Mention], events: Iterable[Event] = ()) -> Career:
    """The steps of a career, posts and events merged in date order, and the undated articles."""
    steps = [
        CareerStep("post", span.title, span.first, span.last, span.former, span.paths)
        for span in posts(mentions)
        if span.first is not None
    ]
    for event in events:
        steps.append(CareerStep(event.kind, event.post, event.date, event.date, False, (), event.paragraph))
    steps.sort(key=lambda s: (s.first or "9999", 0 if s.former else 1 if s.kind != "post" else 2, s.title))
    undated = tuple(dict.fromkeys(m.path for m in mentions if not m.date))
    return Career(tuple(steps), undated)


def _newest_chain(mentions: Sequence[Mention]) -> str:
    """The current posts the newest dated article prints for the person, in printed order.

    Posts printed together are held together (嘉峪关市委副书记、市长): one of them alone would
    be an arbitrary pick, and the column would show a Party post for one person and a
    government post for the next. Of articles of one day, the one printing most posts wins."""
    best: tuple[str, int] | None = None
    chain: list[str] = []
    for mention in mentions:
        current = [
            title
            for index, title in enumerate(mention.titles)
            if not (index < len(mention.former) and mention.former[index])
        ]
        if mention.date and current and (best is None or (mention.date[:10], len(current)) > best):
            best, chain = (mention.date[:10], len(current)), current
    return "、".join(chain)


class SummaryFields(TypedDict):
    """One person's line in the People list, before it is stored (build.persons_rows)."""

    name: str
    names: tuple[str, ...]
    pinyin: str
    latest_post: str
    articles: int
    mentions: int
    first_seen: str | None
    last_seen: str | None
    posts: list[PostSpan]


def summary_fields(mentions: Sequence[Mention], story: Story = _own) -> SummaryFields:
    """What the People list shows of a person: name, pinyin, latest post, counts, dates.

    A story several files print (`story` of their paths is one) counts once: one article,
    and the mentions of the copy that names the person most (copies differ by a few
    characters, so the same mentions, not more)."""
    names: dict[str, int] = {}
    for mention in mentions:
        names[mention.name] = names.get(mention.name, 0) + 1
    name = max(names, key=lambda n: (names[n], len(n)))
    dated = sorted(m.date[:10] for m in mentions if m.date)
    spans = posts(mentions, story)
    per_story: dict[object, dict[str, int]] = {}
    for mention in mentions:  # a file's mentions (under each name it prints) add up; copies do not
        files = per_story.setdefault(story(mention.path), {})
        files[mention.path] = files.get(mention.path, 0) + mention.mentions
    latest = max(
        (s for s in spans if s.last is not None and not s.former),
        key=lambda s: (s.last, s.first),
        default=None,
    )
    latest_post = _newest_chain(mentions) or (latest.title if latest else (spans[0].title if spans else ""))
    return {
        "name": name,
        "names": tuple(names),
        "pinyin": name_pinyin(name),
        "latest_post": latest_post,
        "articles": len(per_story),
        "mentions": sum(max(files.values()) for files in per_story.values()),
        "first_seen": dated[0] if dated else None,
        "last_seen": dated[-1] if dated else None,
        "posts": spans,
    }
