"""Text is text: markup, escape sequences, controls and bidi overrides stay inert (issue #6).

Each payload goes in through the article title, the body, the front matter (source,
byline) and the file name, and out through every surface: `reader render`,
`reader officials` as table, CSV and JSON, error messages, and the TUI. Nothing may
reach stdout or stderr that a terminal would act on (ESC, BEL, any other C0 control
but the newline, DEL, C1 controls, bidi overrides), and markup must show literally.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.loaders import load_article
from reader.textsafety import BIDI_CONTROLS, REPLACEMENT, has_unsafe, inert, inert_line, json_safe

PAYLOADS = [
    "[bold red]x[/]",
    "[link=http://e]x[/link]",
    "[@click=app.quit]x[/]",
    "\x1b[2J",
    "\x1b]52;c;aGk=\x07",
    "\x1b]8;;http://e\x1b\\x\x1b]8;;\x1b\\",
    "\x07",
    "\x9b31m",
    "\u202e",
]
IDS = ["markup", "link", "click", "csi-clear", "osc52", "osc8", "bel", "c1-csi", "rlo"]
BODY = "会议要求，各部门要切实加强组织领导，确保各项工作落到实处。"
OFFICIAL = "市委副书记、市长柳鹏出席会议并讲话。"


def live(text: str) -> list[str]:
    """Characters a terminal would act on: C0 but newline, DEL, C1, bidi controls."""
    return [
        ch for ch in text if (ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F or ch in BIDI_CONTROLS
    ]


def file_name(payload: str) -> str:
    """The payload as a file name: everything but '/' can be in one."""
    return payload.replace("/", "\u2215")


def write_markdown(folder: Path, payload: str, *, stem: str | None = None, story: int | None = None) -> Path:
    """An article carrying the payload in its name, title, source, byline and body; with
    `story`, a paragraph of its own too, so that files told apart only by their payloads
    are not one story printed several times (one row of the list: reader/library/reposts.py)."""
    path = folder / f"{stem if stem is not None else file_name(payload)}标题.md"
    quoted = json.dumps(payload)  # a JSON string is a YAML double-quoted scalar
    own = "" if story is None else "".join(chr(0x4E00 + 400 * story + k) for k in range(120)) + "\n\n"
    path.write_text(
        f"---\ntitle: {json.dumps(payload + '标题')}\nsource: {quoted}\nbyline: {quoted}\n---\n\n"
        f"{OFFICIAL}\n\n{own}{BODY}{payload}{BODY}\n\n{payload}\n",
        encoding="utf-8",
    )
    return path


def write_plain(folder: Path, payload: str) -> Path:
    """The plain-text layout, payload raw in the title line and the body."""
    path = folder / f"{file_name(payload)}.txt"
    path.write_text(f"{payload}标题\n\n  {OFFICIAL}\n  {BODY}{payload}{BODY}\n", encoding="utf-8")
    return path


# --- the function ----------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_inert_keeps_length_and_readability(payload: str) -> None:
    text = f"标题{payload}正文\n第二行"
    safe = inert(text)
    assert len(safe) == len(text)  # one for one: paragraph offsets stay true
    assert not live(safe.replace("\n", ""))
    assert inert(safe) == safe
    assert safe.startswith("标题") and safe.endswith("正文\n第二行")
    assert not has_unsafe(safe)
    assert "\n" not in inert_line(text)


def test_inert_shows_controls_as_pictures_and_the_rest_as_replacement() -> None:
    assert inert("\x1b[2J") == "\u241b[2J"
    assert inert("a\x07b\x7f") == "a\u2407b\u2421"
    assert inert("\x9b31m") == REPLACEMENT + "31m"
    assert inert("abc\u202edef") == f"abc{REPLACEMENT}def"
    assert inert("a\tb") == "a b"
    assert inert("a\nb", keep_newlines=False) == "a\u240ab"


def test_inert_keeps_what_chinese_text_uses() -> None:
    text = "\u3000\u3000两学一做\u200d\u200c——“引号”（括号）……\ue000Ct值<35 ①"
    assert inert(text) == text


def test_json_safe_escapes_only_what_json_dumps_leaves_raw() -> None:
    data = {"s": "a\x9bb\u202ec\x7fd\u2028e中文", "t": "\x1b"}
    dumped = json_safe(json.dumps(data, ensure_ascii=False))
    assert not live(dumped)
    assert "中文" in dumped
    assert json.loads(dumped) == data


# --- the loader: every text field comes out inert ------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_loaded_articles_are_inert_everywhere(tmp_path: Path, payload: str) -> None:
    for path in (write_markdown(tmp_path, payload), write_plain(tmp_path, payload)):
        article = load_article(path)
        fields = [article.title, *article.paragraphs, article.source or "", article.byline or ""]
        assert not any(live(field) for field in fields), path.name
        assert article.title.endswith("标题")
        assert inert_line(payload) in article.title  # shown, not dropped
        assert any(inert_line(payload) in p for p in article.paragraphs)
        if not payload.startswith("["):
            assert article.notices and "shown as symbols" in article.notices[-1]


def test_markup_is_kept_literally(tmp_path: Path) -> None:
    article = load_article(write_markdown(tmp_path, "[@click=app.quit]x[/]"))
    assert article.title == "[@click=app.quit]x[/]标题"
    assert article.source == "[@click=app.quit]x[/]"


def test_yaml_escapes_in_front_matter_are_neutralised_too(tmp_path: Path) -> None:
    """`\\e` in a double-quoted YAML string is an ESC made by the parser, after decoding."""
    path = tmp_path / "escaped.md"
    path.write_text('---\ntitle: "\\e[2J\\x9b\\u202e标题"\n---\n正文。\n', encoding="utf-8")
    assert not live(load_article(path).title)


# --- the CLI: every output format ------------------------------------------------------

SURFACES = [
    ["render"],
    ["render", "--body"],
    ["officials", "--format", "table"],
    ["officials", "--format", "csv"],
    ["officials", "--format", "json"],
]


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_every_cli_surface_prints_inert_text(
    tmp_path: Path, payload: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in (write_markdown(tmp_path, payload), write_plain(tmp_path, payload)):
        for surface in SURFACES:
            assert main([surface[0], str(path), *surface[1:]]) == 0
            out, err = capsys.readouterr()
            assert not live(out) and not live(err), (surface, path.name)
            if surface[-1] == "json":
                data = json.loads(out)
                assert data["path"] == str(path)  # JSON is data: the real name, escaped
                assert data["title"] == inert_line(payload) + "标题"
            elif surface[0] == "officials" and surface[-1] == "table":
                assert out.startswith(inert_line(payload) + "标题\n")
            elif surface == ["render"]:
                assert inert_line(payload) + "标题" in out


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_error_messages_print_file_names_inert_on_one_line(
    tmp_path: Path, payload: str, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / f"{file_name(payload)}\nsecond line.txt"
    empty.write_bytes(b"")
    missing = tmp_path / f"{file_name(payload)}-missing.txt"
    for argv in (["render", str(empty)], ["officials", str(missing)], [str(missing)]):
        assert main(argv) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("reader: ") and err.count("\n") == 1
        assert not live(err)


def test_the_real_process_writes_nothing_live(tmp_path: Path) -> None:
    """One subprocess per surface with every payload at once: the bytes that reach a pipe."""
    path = write_markdown(tmp_path, "".join(PAYLOADS), stem="all")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for surface in SURFACES:
        result = subprocess.run(
            [sys.executable, "-m", "reader", surface[0], str(path), *surface[1:]],
            capture_output=True,
            timeout=120,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        for stream in (result.stdout, result.stderr):
            assert b"\x1b" not in stream and b"\x07" not in stream and b"\xc2\x9b" not in stream
            assert not live(stream.decode("utf-8"))
    name = tmp_path / ("".join(file_name(p) for p in PAYLOADS) + ".txt")
    name.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "render", str(name)], capture_output=True, timeout=120, env=env
    )
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.count(b"\n") == 1 and not live(result.stderr.decode("utf-8"))


# --- the TUI ---------------------------------------------------------------------------


def _lines(widget: object) -> list[str]:
    """The text of every line a line-API widget paints."""
    height = widget.size.height  # type: ignore[attr-defined]
    return [widget.render_line(y).text for y in range(height)]  # type: ignore[attr-defined]


async def test_the_tui_shows_every_payload_literally_and_obeys_none(tmp_path: Path) -> None:
    from reader.theme_files import discover_themes
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.library_table import LibraryTable
    from reader.ui.widgets.reading_view import ReadingView

    for n, payload in enumerate(PAYLOADS):
        write_markdown(tmp_path, payload, stem=f"{n:02d}{file_name(payload)}", story=n)
    (tmp_path / f"99{file_name(''.join(PAYLOADS))}.txt").write_bytes(b"")  # listed by its name
    themes, _ = discover_themes()
    app = ReaderApp(library=tmp_path, theme_specs=themes, theme_name="ink")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        article_list = app.query_one(LibraryTable)
        assert len(article_list.entries) == len(PAYLOADS) + 1
        for entry in article_list.entries:
            assert not live(entry.title)
        for payload in PAYLOADS[:3]:  # markup shows as typed
            assert any(entry.title == payload + "标题" for entry in article_list.entries)
        screen_text = "\n".join(_lines(article_list) + _lines(app.query_one(ReadingView)))
        compact = "".join(screen_text.split())  # the list wraps long titles
        # The table cuts long titles with … (the date takes the rest of the row); what
        # shows of the markup shows as typed, and the full titles are checked above.
        assert "[@click=app.quit]x" in compact
        assert "[link=http://e]x" in compact
        assert "[boldred]x[/]标题" in compact
        assert not live(screen_text.replace("\n", ""))
        # Open every entry, the bad one too; a live [@click=app.quit] would end the app.
        for index in range(len(article_list.entries)):
            article_list.focus()
            article_list.highlighted = index
            await pilot.press("enter")
            await pilot.pause()
            reading_text = "\n".join(_lines(app.query_one(ReadingView)))
            assert not live(reading_text.replace("\n", ""))
        await pilot.click(LibraryTable, offset=(4, 0))
        await pilot.click(ReadingView, offset=(4, 1))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert app.article is not None and "标题" in app.article.title
        await pilot.press("j", "k", "question_mark")
        await pilot.pause()
        assert app.is_running
