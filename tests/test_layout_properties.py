"""Property-based tests of the line breaker (hypothesis).

For any text — CJK, full- and half-width punctuation, Latin, digits, spaces, NBSP,
U+3000, zero-width characters, private-use and control characters — and any width
2..120, `break_paragraph`:

* loses, duplicates and reorders nothing: the lines are increasing, non-overlapping
  slices of the paragraph, and what lies between them is only breaking spaces and
  zero-width characters (which show nothing wherever they go);
* never overflows: every line, indent included, is at most `width` cells both as Rich
  (and so Textual) measures it and as a terminal that joins nothing draws it;
* never starts a line with closing punctuation — nor bends any other rule — when a
  legal break exists. A *legal break* in a line is a position inside it where a new
  line could start (the start of a unit: not inside a space run, not before a
  zero-width character that belongs to the previous character) such that ending the
  line there bends no rule: the next visible character is not closing punctuation,
  the previous one is not an opening bracket or quote, it does not split ``——`` or
  ``……``, it does not cut a Latin/digit run and it is not at a no-break space. Ending
  the line earlier at such a position always fits, so a fault is only acceptable
  when the line has none;
* and the fast path for plain text gives exactly the lines of the general path.

Justified (`justify=True`, as body text is set), for any text, typeset or as printed,
and ambiguous characters one or two cells wide, the same hold, and besides:

* a line passes the edge (the width made even) only by one closing mark hung after
  its last character, which may take up to two cells past the edge, never more;
* blank cells (`LineSpan.fills`) lie inside the line, ascending, never inside a
  Latin/digit run, and at the line's edges only as a quote's blank half (a padded
  quote's, or a narrow opening quote's at the start of a line);
* every line but the last ends at the edge, or says why (`LineSpan.short`, one of
  `SHORT_REASONS`) — and a line that says why does end short;
* nothing but the line's last character hangs, and only a closing mark;
* setting the paragraph again as a whole around a short line (total fit) never leaves
  more lines short than the first fit does, and changes nothing unless it leaves fewer.

The suite runs a few hundred examples per property; `bench/fuzz_layout.py` runs the
same properties on tens of thousands.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.layout import (
    END_FORBIDDEN,
    HANGING,
    NO_SPLIT_CHARS,
    SHORT_REASONS,
    START_FORBIDDEN,
    LineSpan,
    Typesetting,
    break_paragraph,
    char_cells,
    display_text,
    edge_of,
    justify,
    rules,
    unjustified,
)
from reader.layout.document import _line_text
from reader.layout.punctuation import PAD_BEFORE
from tests.test_layout import break_is_bad, is_run, is_zw, terminal_cells

# --- the text strategy ----------------------------------------------------------------

PUNCTUATION = "".join(sorted(START_FORBIDDEN | END_FORBIDDEN | NO_SPLIT_CHARS))
ODD = "\u00a0\u3000\u200b\u200c\u200d\ufeff\u2028\u202e\ufe0f\u0301\t"
CONTROLS = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))

cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
private_use = st.characters(min_codepoint=0xE000, max_codepoint=0xF8FF)
pieces = st.one_of(
    cjk,
    cjk,
    st.sampled_from(PUNCTUATION),
    st.sampled_from("abcXYZ0123456789.%-/"),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=15),
    st.sampled_from(
        [" ", "  ", "——", "……", "“", "”", "（", "）", "，", "。", ",", "(", ")", ";", "·", "‘", "’"]
    ),
    st.sampled_from(ODD),
    private_use,
    st.sampled_from(CONTROLS),
)
texts = st.lists(pieces, max_size=120).map("".join)
widths = st.integers(min_value=2, max_value=120)
indents = st.sampled_from([0, 1, 2, 4])

SUITE = settings(max_examples=300, deadline=None, database=None)


# --- the properties, as plain functions so that bench/fuzz_layout.py can reuse them ---


def _breaking_space(ch: str) -> bool:
    return ch.isspace() and ch != "\xa0"


def unit_starts(shown: str, start: int, end: int) -> list[int]:
    """Positions in ``shown[start:end]``, after its first unit, where a new line could start.

    That is the start of a unit: a visible character, unless zero-width characters
    before it follow a space or the paragraph start (then it starts with them), or
    such a zero-width run itself when a visible character follows it. Spaces are not
    unit starts: a break at a space starts the next line at the unit after it.
    """
    out = []
    for p in range(start + 1, end):
        if _breaking_space(shown[p]):
            continue
        q = p - 1
        while q >= 0 and is_zw(shown[q]):
            q -= 1
        if is_zw(shown[p]):
            if q == p - 1 and _breaking_space(shown[q]):  # a run that opens after a space
                r = p
                while r < len(shown) and is_zw(shown[r]):
                    r += 1
                if r < len(shown) and not _breaking_space(shown[r]):
                    out.append(p)
            continue
        if q < p - 1 and (q < 0 or _breaking_space(shown[q])):
            continue  # the zero-width run before p opens p's unit
        out.append(p)
    return out


def check_properties(text: str, width: int, indent: int) -> None:
    """Assert every property in this module's docstring for one paragraph."""
    spans = break_paragraph(text, width, indent)
    shown = display_text(text)
    assert spans
    # nothing lost, duplicated or reordered
    pos = 0
    for span in spans:
        assert pos <= span.start <= span.end <= len(text), (text, width, spans)
        gap = shown[pos : span.start]
        assert all(_breaking_space(ch) or is_zw(ch) for ch in gap), (text, width, spans, gap)
        pos = span.end
    assert all(_breaking_space(ch) or is_zw(ch) for ch in shown[pos:]), (text, width, spans)
    assert all(span.indent == 0 for span in spans[1:])
    # never overflows, as Rich measures it and as a non-joining terminal draws it
    for span in spans:
        line = " " * span.indent + shown[span.start : span.end]
        assert cell_len(line) <= width, (text, width, span, line)
        assert terminal_cells(line) <= width, (text, width, span, line)
    # a rule is bent only when the line holds no legal break
    for this, nxt in itertools.pairwise(spans):
        if break_is_bad(shown, this.end, nxt.start):
            legal = [p for p in unit_starts(shown, this.start, this.end) if not break_is_bad(shown, p, p)]
            assert not legal, (text, width, spans, this, legal)


def check_fast_path(text: str, width: int, indent: int) -> None:
    """The plain-text fast path and the general path give the same lines."""
    shown = display_text(text)
    codes, cells = rules.encode(shown)
    if 0 in cells or "\xa0" in shown:
        return
    first = min(indent, width - 2)
    simple = unjustified.break_simple(shown, codes, cells, width, first)
    assert simple == unjustified.break_general(shown, codes, cells, width, first), (text, width, indent)


# --- the tests --------------------------------------------------------------------------


@SUITE
@given(texts, widths, indents)
def test_breaker_properties(text: str, width: int, indent: int) -> None:
    check_properties(text, width, indent)


@SUITE
@given(st.lists(st.one_of(cjk, st.sampled_from("，。、”“（）——……ab12 ")), max_size=400).map("".join), widths)
def test_breaker_properties_on_long_punctuated_text(text: str, width: int) -> None:
    check_properties(text, width, 2)


@SUITE
@given(texts, widths, indents)
def test_fast_path_matches_general_path(text: str, width: int, indent: int) -> None:
    check_fast_path(text, width, indent)


@SUITE
@given(texts, st.integers(min_value=8, max_value=120))
def test_closing_punctuation_never_starts_a_line_when_a_legal_break_exists(text: str, width: int) -> None:
    spans = break_paragraph(text, width, 2)
    shown = display_text(text)
    for this, nxt in itertools.pairwise(spans):
        head = shown[nxt.start : nxt.end].lstrip()
        visible = [ch for ch in head if not is_zw(ch)]
        if visible and visible[0] in START_FORBIDDEN:
            legal = [p for p in unit_starts(shown, this.start, this.end) if not break_is_bad(shown, p, p)]
            assert not legal, (text, width, spans, legal)


def check_justified(text: str, width: int, indent: int, setting: Typesetting) -> None:
    """Assert every property of justified lines (this module's docstring) for one paragraph."""
    shown = setting.shown(text)
    assert len(shown) == len(text)
    pads = setting.pads(shown)
    spans = break_paragraph(shown, width, indent, justify=True, ambiguous=setting.ambiguous, pads=pads)
    assert spans
    edge = edge_of(width)
    # nothing lost, duplicated or reordered
    pos = 0
    for span in spans:
        assert pos <= span.start <= span.end <= len(text), (text, width, spans)
        assert all(_breaking_space(ch) or is_zw(ch) for ch in shown[pos : span.start]), (text, width, spans)
        pos = span.end
    assert all(_breaking_space(ch) or is_zw(ch) for ch in shown[pos:]), (text, width, spans)
    assert all(span.indent == 0 for span in spans[1:])
    for number, span in enumerate(spans):
        final = number == len(spans) - 1
        line = _line_text(shown, span)
        # blank cells: inside the line, ascending, never inside a run; at an edge only a quote's half
        assert list(span.fills) == sorted(span.fills), span
        for fill in span.fills:
            assert span.start <= fill <= span.end, (text, width, span)
            if span.start < fill < span.end:
                assert not (is_run(shown[fill - 1]) and is_run(shown[fill])), (text, width, span, fill)
            else:
                quote = fill if fill == span.start else fill - 1
                if quote in pads:
                    assert (pads[quote] == PAD_BEFORE) == (fill == span.start), (text, span)
                else:  # a narrow opening quote starting the line takes its blank half again
                    assert fill == span.start and shown[quote] in "“‘", (text, span)
                    assert setting.ambiguous == 1, (text, span)
        # the width, as Rich measures it (ambiguous one cell) and as the terminal draws it
        # (a VS16 widens some characters to Rich, not to every terminal: the breaker
        # counts the wider, so such a line may end a cell short without saying so)
        cells = sum(char_cells(ch, setting.ambiguous) for ch in line)
        exact = "\ufe0f" not in line
        if setting.ambiguous == 1:
            cells = max(cells, cell_len(line))
        inked = cells
        if span.hung:
            mark = shown[span.end - 1]
            assert mark in HANGING, (text, width, span)
            last = char_cells(mark, setting.ambiguous) + (span.end in span.fills)
            inked = cells - last
            assert last <= 2
        avail = edge - span.indent
        assert inked <= avail + span.indent, (text, width, span, line, inked)
        assert cells <= edge + 2, (text, width, span, line)
        # every non-final line ends at the edge, or says why
        if not final:
            if span.short is None:
                assert inked == edge or (not exact and inked == edge - 1), (text, width, setting, span, line)
            else:
                assert span.short in SHORT_REASONS
                assert inked < edge, (text, width, span, line)
    # a rule is bent only when the line holds no legal break
    for this, nxt in itertools.pairwise(spans):
        if break_is_bad(shown, this.end, nxt.start):
            legal = [p for p in unit_starts(shown, this.start, this.end) if not break_is_bad(shown, p, p)]
            assert not legal, (text, width, spans, this, legal)
            assert this.short in (None, "bent"), (text, width, this)


settings_ = st.builds(Typesetting, st.booleans(), st.sampled_from([1, 2]))


@SUITE
@given(texts, widths, indents, settings_)
def test_justified_properties(text: str, width: int, indent: int, setting: Typesetting) -> None:
    check_justified(text, width, indent, setting)


@SUITE
@given(
    st.lists(st.one_of(cjk, st.sampled_from("，。、”“（）——……ab12 ,;()·")), max_size=400).map("".join),
    widths,
    settings_,
)
def test_justified_properties_on_long_punctuated_text(text: str, width: int, setting: Typesetting) -> None:
    check_justified(text, width, 2, setting)


@SUITE
@given(texts, widths, indents, settings_)
def test_justified_fast_path_matches_general_path(
    text: str, width: int, indent: int, setting: Typesetting
) -> None:
    shown = setting.shown(text)
    pads = setting.pads(shown)
    codes, cells = rules.encode(display_text(shown), setting.ambiguous, pads)
    if 0 in cells or "\xa0" in shown:
        return
    edge = edge_of(width)
    args = (codes, cells, edge, min(indent, edge - 2))
    simple: list[LineSpan] = justify.break_justified(shown, *args, True, pads, setting.ambiguous)
    general = justify.break_justified(shown, *args, False, pads, setting.ambiguous)
    assert simple == general, (text, width, indent)


@SUITE
@given(
    st.lists(st.one_of(cjk, st.sampled_from("，。、”“（）——……ab12 ,;()·")), max_size=300).map("".join),
    widths,
    settings_,
)
def test_the_total_fit_never_leaves_more_lines_short_than_the_first_fit(
    text: str, width: int, setting: Typesetting
) -> None:
    """Where the paragraph is set again as a whole, it ends fewer lines short (or the same ones)."""
    shown = setting.shown(text)
    pads = setting.pads(shown)
    codes, cells = rules.encode(display_text(shown), setting.ambiguous, pads)
    edge = edge_of(width)
    simple = 0 not in cells and "\xa0" not in shown
    args = (shown, codes, cells, edge, min(2, edge - 2), simple, pads, setting.ambiguous)
    whole = justify.break_justified(*args)
    first_fit = justify.break_justified(*args, refit=False)

    def shorts(lines: list[LineSpan]) -> tuple[int, int]:
        return sum(line.short == "bent" for line in lines), sum(line.short is not None for line in lines[:-1])

    assert shorts(whole) <= shorts(first_fit), (text, width, setting, whole, first_fit)
    if whole != first_fit:
        assert shorts(whole) < shorts(first_fit), (text, width, setting)
