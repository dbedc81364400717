"""When an official's timeline changes: at a new post, not at a new spelling of one.

An official's articles print their posts in many ways: 中共中央总书记 and 总书记, 国家主席
and 中国国家主席, the full three posts in one article and one of them in the next. Read
as printed, every variant was a change of post (习近平 over 2,000 broadcasts: 64 "more
changes"), which hid the real ones. Two rules make a change a new post:

- a *spelling*: two posts are one when, after a few standard abbreviations (军委 for
  军事委员会…), one ends with the other and what stands before it is a place or a body
  (嘉峪关市长 is 市长), never a rank (副市长, 总书记, 代市长, 第一书记 are posts of their own);
- *held together*: posts one article prints together are held at the same time, so an
  article that gives one of them after another does not change anything.

Descriptions printed where a post would be (党和国家领导人) are no post, so never a change.

A post given again after a different one is still a change (市长 → 书记 → 市长): the
timeline reports what the papers said, in order.
"""

from __future__ import annotations

from collections.abc import Sequence

ABBREVIATIONS = (
    ("外交部部长", "外长"),
    ("外交部长", "外长"),
    ("中华人民共和国", "国家"),
    ("中国共产党", "中共"),
    ("中央军事委员会", "中央军委"),
    ("军事委员会", "军委"),
)
"""Long forms and the short form the comparison uses (the text shown is never changed)."""
RANKS = ("副", "总", "代", "常务", "第一", "名誉")
"""What makes a longer post another post when it stands right before a shorter one."""
DESCRIPTIONS = frozenset({"党和国家领导人", "国家领导人", "领导人"})
"""Words printed where a post would be that name no post: never a change."""


def _short(post: str) -> str:
    for long, short in ABBREVIATIONS:
        post = post.replace(long, short)
    return post


def same_post(a: str, b: str) -> bool:
    """Whether `a` and `b` are spellings of one post (see the module's docstring)."""
    a, b = _short(a), _short(b)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < 2 or not longer.endswith(shorter):
        return False
    return not longer[: -len(shorter)].endswith(RANKS)


def _unranked(post: str) -> str:
    for rank in RANKS:
        post = post.replace(rank, "")
    return post


def rank_of_another(a: str, b: str) -> bool:
    """Whether `a` and `b` are one post but for a rank (副总理 and 总理, 代市长 and 市长):
    a promotion or its reverse, so always a change."""
    return not same_post(a, b) and same_post(_unranked(_short(a)), _unranked(_short(b)))


def _whole_forms(posts: set[str]) -> dict[str, str]:
    """A short spelling printed somewhere (委员会主任, 总书记) -> the one longer post of the
    timeline it spells (中央全面深化改革委员会主任, 中共中央总书记), when there is just one:
    bare 主席 spells both 国家主席 and 中央军委主席 and stays as it is."""
    whole: dict[str, str] = {}
    for post in posts:
        longer = [other for other in posts if len(other) > len(post) and same_post(post, other)]
        longest = max(longer, key=len, default=None)
        if longest is not None and all(same_post(other, longest) for other in longer):
            whole[post] = longest
    return whole


def changes(posts_by_row: Sequence[tuple[str, ...]]) -> list[bool]:
    """For rows of a timeline (oldest first, each the posts one article gives), whether
    each starts a new run of posts: the first row does, and so does a row giving a post
    that is new to the run, unless it is a post some article prints together with one
    of the run's (held at the same time) and not one of them with another rank."""
    whole = _whole_forms({post for printed in posts_by_row for post in printed})
    rows = [
        [whole.get(post, post) for post in printed if post not in DESCRIPTIONS] for printed in posts_by_row
    ]
    together: dict[str, set[str]] = {}
    for posts in rows:
        for post in posts:
            together.setdefault(post, set()).update(posts)
    flags: list[bool] = []
    known: set[str] = set()
    for number, posts in enumerate(rows):
        new = [post for post in posts if not any(same_post(post, seen) for seen in known)]
        change = any(
            any(rank_of_another(post, seen) for seen in known)
            or not any(seen in together[post] for seen in known)
            for post in new
        )
        started = number == 0 or (change and bool(known))
        if started:  # what is still held: printed together with the new posts, not outranked
            known = {
                seen
                for seen in known
                if any(seen in together[post] for post in posts)
                and not any(rank_of_another(seen, post) for post in posts)
            }
        known.update(posts)
        flags.append(started)
    return flags
