"""Never crash, never lose: real encoded bytes, bad files, links, huge inputs (issue #6).

Every bad file must give one clear line — an ArticleError from the loader, one line on
stderr and exit status 2 from the CLI — and every readable file must load. Encoded
files are made here with str.encode, so the bytes are real and no binary is committed.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.article import Article, ArticleError
from reader.library.records import LoadFailure, read_file
from reader.library.scan import scan_library
from reader.loaders import decode_article_bytes, load_article
from reader.textsafety import has_unsafe

try:  # property tests run where hypothesis is installed (it is not a dependency yet)
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - depends on the environment
    given = None

REPO = Path(__file__).resolve().parents[1]
BODY = "会议要求，各部门要切实加强组织领导，确保各项工作落到实处。"
ARTICLE = f"全市国防动员会议召开\n\n  {BODY}\n"
TRADITIONAL = "臺灣新聞：颱風來襲\n\n  氣象單位表示，這個颱風將為東部帶來豪雨，請民眾注意安全。\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
FIFTY_MB = 50 * 1024 * 1024


def one_line(error: pytest.ExceptionInfo[ArticleError], path: Path) -> str:
    """The message, checked to be one inert line that names the file."""
    message = str(error.value)
    assert "\n" not in message and "\r" not in message
    assert not has_unsafe(message)
    assert path.name in message
    return message


# --- encodings -------------------------------------------------------------------------

SHORT = [
    "中国",
    "市长讲话",
    "国务院常务会议",
    "全市国防动员会议召开，市长出席",
    "习近平在北京会见美国总统并举行会谈",
]
SHORT_TRADITIONAL = ["臺灣", "颱風來襲", "國務院會議", "這個颱風將為東部帶來豪雨", "行政院長表示經濟發展"]


@pytest.mark.parametrize(
    ("codec", "bom", "label", "samples"),
    [
        ("utf-8", b"", "utf-8", SHORT),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig", SHORT),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le", SHORT),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be", SHORT),
        ("gb18030", b"", "gb18030", SHORT),
        ("gbk", b"", "gb18030", SHORT),
        ("gb2312", b"", "gb18030", SHORT),
        ("big5", b"", "big5", SHORT_TRADITIONAL),
    ],
)
def test_short_files_decode_in_every_encoding(
    tmp_path: Path, codec: str, bom: bytes, label: str, samples: list[str]
) -> None:
    """2 to 17 characters: where detection is hardest. The Article names the codec it used."""
    for text in samples:
        decoded = decode_article_bytes(bom + text.encode(codec))
        assert (decoded.text, decoded.encoding, decoded.notices) == (text, label, ())
        path = tmp_path / "short.txt"
        path.write_bytes(bom + text.encode(codec))
        article = load_article(path)
        assert article.title == text
        assert article.encoding == label
        assert article.notices == ()


@pytest.mark.parametrize(
    ("text", "codec", "label"),
    [(ARTICLE, "gbk", "gb18030"), (TRADITIONAL, "big5", "big5"), (ARTICLE, "utf-16-le", "utf-16-le")],
)
def test_whole_articles_record_their_encoding(tmp_path: Path, text: str, codec: str, label: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(codec))
    article = load_article(path)
    assert article.encoding == label
    assert article.paragraphs[0] in text


def test_utf8_with_a_bad_byte_shows_replacement_and_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    data = ARTICLE.encode("utf-8")
    cut = data.index("组织".encode())
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    article = load_article(path)
    assert article.encoding == "utf-8"
    assert article.paragraphs[0] == BODY.replace("组织", "\ufffd组织")
    assert len(article.notices) == 1 and "\ufffd" in article.notices[0] and "utf-8" in article.notices[0]


def test_utf8_cut_mid_character_still_reads_as_utf8(tmp_path: Path) -> None:
    """Cut short by a copy, the last character is lost, not the whole file to mojibake."""
    path = tmp_path / "cut.txt"
    path.write_bytes(ARTICLE.rstrip("\n").encode("utf-8")[:-1])
    article = load_article(path)
    assert article.encoding == "utf-8"
    assert article.title == "全市国防动员会议召开"
    assert article.paragraphs[0] == BODY[:-1] + "\ufffd"
    assert article.notices


def test_utf16_with_a_lone_surrogate_shows_replacement(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.txt"
    path.write_bytes(
        codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + b"\x00\xd8" + "。".encode("utf-16-le")
    )
    article = load_article(path)
    assert article.encoding == "utf-16-le"
    assert article.paragraphs[-1].endswith("\ufffd。")
    assert article.notices


def test_a_clean_file_has_no_notices(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert load_article(path).notices == ()


# --- bad files: one clear line each ----------------------------------------------------


def _zip_bytes(tmp_path: Path) -> bytes:
    archive = tmp_path / "made.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("article.txt", ARTICLE)
    return archive.read_bytes()


BAD_CONTENT: dict[str, tuple[bytes | str, str]] = {
    "empty.txt": (b"", "is empty"),
    "blank.txt": (" \n\t\n\u3000\u3000\n\r\n", "is empty"),
    "nul.txt": (b"\x00" * 64 + ARTICLE.encode() + b"\x00\x01\x02" * 40, "not text"),
    "picture.txt": (PNG, "not text: it is a PNG image"),
    "bad-yaml.md": ("---\ntitle: [unclosed\nsource: x\n---\n正文。\n", "front matter is not valid YAML"),
    "unsafe-tag.md": (
        "---\ntitle: !!python/object/apply:os.system ['touch PWNED']\n---\n正文。\n",
        "!!python/object/apply:os.system, which reader does not run",
    ),
    "deep.md": ("---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\n正文。\n", "nested too deeply"),
    "unclosed.md": ("---\ntitle: 标题\n正文。\n", "not closed"),
}


def write_bad_files(folder: Path) -> dict[Path, str]:
    """Every bad file of the issue in `folder`; {path: fragment its message must hold}."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[Path, str] = {}
    for name, (content, fragment) in BAD_CONTENT.items():
        path = folder / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        made[path] = fragment
    archive = folder / "archive.md"
    archive.write_bytes(_zip_bytes(folder))
    (folder / "made.zip").unlink()
    made[archive] = "it is a ZIP archive"
    huge = folder / "huge.txt"
    line = (BODY + "\n").encode("utf-8")
    with huge.open("wb") as handle:
        handle.write(line * (FIFTY_MB // len(line) + 1))
    made[huge] = "too large (50.0 MB; the limit is 20 MB)"
    (folder / "broken-link.txt").symlink_to(folder / "not-there.txt")
    made[folder / "broken-link.txt"] = "broken symbolic link"
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    made[folder / "loop.txt"] = "symbolic link loop"
    return made


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, str]:
    return write_bad_files(tmp_path_factory.mktemp("bad"))


def test_every_bad_file_gives_one_clear_line(bad_files: dict[Path, str]) -> None:
    for path, fragment in bad_files.items():
        with pytest.raises(ArticleError) as error:
            load_article(path)
        assert fragment in one_line(error, path), path.name


def test_unsafe_yaml_tag_is_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "unsafe.md"
    path.write_text(
        "---\ntitle: !!python/object/apply:os.system ['touch PWNED']\n---\n正文。\n", encoding="utf-8"
    )
    with pytest.raises(ArticleError):
        load_article(path)
    assert not (tmp_path / "PWNED").exists()


def test_permission_denied_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads any file whatever its mode, so open() is made to refuse."""
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    real_open = os.open  # every read goes through reader.files, which opens with os.open

    def refuse(name: str, *args: int) -> int:
        if os.path.basename(name) == "secret.txt":
            raise PermissionError(13, "Permission denied", name)
        return real_open(name, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ArticleError) as error:
        load_article(path)
    assert one_line(error, path).endswith("permission denied")


def test_file_deleted_between_listing_and_opening(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    listed = sorted(scan_library(tmp_path))  # as the index's refresh lists the folder
    (tmp_path / listed[0]).unlink()
    gone, kept = (read_file(tmp_path, name) for name in listed)
    assert isinstance(gone, LoadFailure) and "no such file" in gone.message and "\n" not in gone.message
    assert isinstance(kept, Article) and kept.title == "全市国防动员会议召开"


def test_file_removed_after_the_checks_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The race itself: the file passes exists() and vanishes before open()."""
    path = tmp_path / "racing.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    real_open = os.open

    def vanish(name: str, *args: int) -> int:
        if os.path.basename(name) == "racing.txt":
            raise FileNotFoundError(2, "No such file or directory", name)
        return real_open(name, *args)

    monkeypatch.setattr(os, "open", vanish)
    with pytest.raises(ArticleError) as error:
        load_article(path)
    assert "removed or renamed" in one_line(error, path)


@pytest.mark.parametrize(
    ("new_content", "outcome"),
    [(f"新的标题\n\n  {BODY}\n".encode(), "新的标题"), (PNG, "not text"), (b"", "is empty")],
)
def test_file_rewritten_between_listing_and_opening(tmp_path: Path, new_content: bytes, outcome: str) -> None:
    """What is read is what the file holds when opened: the new text, or one clear line."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [listed] = scan_library(tmp_path)
    (tmp_path / listed).write_bytes(new_content)
    loaded = read_file(tmp_path, listed)
    assert outcome in (loaded.title if isinstance(loaded, Article) else loaded.message)


def test_a_hundred_thousand_character_paragraph_loads(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    paragraph = (BODY * (100_000 // len(BODY) + 1))[:100_000]
    path.write_text(f"标题\n{paragraph}\n", encoding="utf-8")
    article = load_article(path)
    assert article.paragraphs == (paragraph,)
    single = tmp_path / "single.txt"
    single.write_text(paragraph, encoding="utf-8")
    article = load_article(single)
    assert article.paragraphs == (paragraph,) and 0 < len(article.title) < 200


def test_fifty_megabytes_is_refused_from_its_size_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size is checked before a byte is read, so the refusal is instant."""
    path = tmp_path / "sparse.txt"
    with path.open("wb") as handle:
        handle.truncate(FIFTY_MB)

    real_open = os.open

    def no_reading(name: str, *args: int) -> int:
        if os.path.basename(name) == "sparse.txt":
            raise AssertionError("a file over the limit was opened")
        return real_open(name, *args)

    monkeypatch.setattr(os, "open", no_reading)
    with pytest.raises(ArticleError) as error:
        load_article(path)
    assert "too large" in one_line(error, path)


def test_listing_survives_links_loops_and_unreadable_folders(tmp_path: Path) -> None:
    """The scan must not follow a folder link back up (a loop) nor trip on a broken link."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub" / "self").symlink_to(tmp_path / "sub", target_is_directory=True)
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere", target_is_directory=True)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    listed = scan_library(tmp_path)
    assert "sub/good.txt" in listed and not any(name.startswith(("sub/up/", "sub/self/")) for name in listed)
    loaded = {name: read_file(tmp_path, name) for name in listed}
    # Whatever is listed reads, or gives one line; links that lead nowhere are listed, with
    # their error, so the list can mark them.
    errors = {name: item.message for name, item in loaded.items() if isinstance(item, LoadFailure)}
    assert all("\n" not in message for message in errors.values())
    assert "broken symbolic link" in errors["broken.txt"]
    assert all("symbolic link loop" in errors[name] for name in ("loop.txt", "a.txt", "b.txt"))


# --- the CLI: one line on stderr, exit 2 -----------------------------------------------


def run(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m reader ARGS`, or `python -c CODE ARGS` when the process needs a patch first."""
    command = [sys.executable, "-m", "reader", *args] if code is None else [sys.executable, "-c", code, *args]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"}
    )


def assert_one_line_exit_2(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("reader: ") and result.stderr.count("\n") == 1, result.stderr
    assert fragment in result.stderr
    assert not has_unsafe(result.stderr)


def test_cli_gives_one_line_and_exit_2_for_every_bad_file(bad_files: dict[Path, str]) -> None:
    for path, fragment in bad_files.items():
        assert_one_line_exit_2(run("render", str(path)), fragment)
    # The other commands share the loader; one file each shows the wiring.
    some = next(iter(bad_files))
    assert_one_line_exit_2(run("officials", str(some), "--format", "json"), bad_files[some])
    assert_one_line_exit_2(run("officials", str(some), "--format", "csv"), bad_files[some])


def test_cli_permission_denied_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code = (
        "import os, sys\n"
        "real = os.open\n"
        "def refuse(path, *a, **k):\n"
        "    if os.fspath(path).endswith('secret.txt'):\n"
        "        raise PermissionError(13, 'Permission denied', path)\n"
        "    return real(path, *a, **k)\n"
        "os.open = refuse\n"
        "from reader.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    assert_one_line_exit_2(run("render", str(path), code=code), "permission denied")


def test_cli_reads_a_hundred_thousand_character_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("标题\n" + BODY * 3400 + "\n", encoding="utf-8")
    result = run("render", str(path), "--width", "60")
    assert result.returncode == 0, result.stderr
    assert result.stdout.replace("\n", "").replace(" ", "").count("落到实处") == 3400


def test_the_real_loader_only_raises_article_errors(tmp_path: Path) -> None:
    """A sample of the fuzz run's inputs kinds, as a quick regression in the suite."""
    inputs = [
        codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + "标题".encode("utf-16-le"),
        codecs.BOM_UTF32_LE + b"\x00\x00\x11\x00",
        "标题".encode("gb18030")[:-1],
        b"---\n" + b"x: " + b"{" * 100 + b"\n---\n",
        b"---\ndate: 99999-99-99\n---\n\xe6\xad\xa3",
        b"---\na: &a [x]\nb: [*a, *a]\ntitle: *a\n---\nbody\n",
        b"\xfe\xff\xd8\x00",
        bytes(range(0x80, 0x100)) * 3,
    ]
    for n, data in enumerate(inputs):
        path = tmp_path / f"odd{n}.md"
        path.write_bytes(data)
        try:
            article = load_article(path)
        except ArticleError as error:
            assert "\n" not in str(error)
        else:
            assert isinstance(article, Article) and not has_unsafe(article.title)


def test_a_file_just_over_twenty_megabytes_is_refused_and_one_at_the_limit_is_not(tmp_path: Path) -> None:
    """The README's limit, as a user meets it: a byte over 20 MB is too large, 20 MB is not
    (these sparse files are all NUL bytes, so one at the limit is refused for that instead)."""
    limit = 20 * 1024 * 1024
    reasons = {}
    for name, size in (("over.txt", limit + 1), ("at-limit.txt", limit)):
        path = tmp_path / name
        with path.open("wb") as handle:
            handle.truncate(size)
        with pytest.raises(ArticleError) as error:
            load_article(path)
        reasons[name] = one_line(error, path)
    assert "too large" in reasons["over.txt"]
    assert "too large" not in reasons["at-limit.txt"]


# --- the TUI: a folder of every bad file ------------------------------------------------


async def test_the_app_lists_good_files_marks_bad_ones_and_stays_responsive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.theme_files import discover_themes
    from reader.ui.app import ReaderApp
    from reader.ui.screens.help import HelpScreen
    from reader.ui.widgets.library_table import LibraryTable

    from .pilot import messages, settle

    folder = tmp_path / "library"
    bad = write_bad_files(folder)
    secret = folder / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")
    bad[secret] = "permission denied"
    real_open = os.open  # every read goes through reader.files, which opens with os.open

    def refuse(name: str, *args: int) -> int:
        if os.path.basename(name) == "secret.txt":
            raise PermissionError(13, "Permission denied", name)
        return real_open(name, *args)

    monkeypatch.setattr(os, "open", refuse)
    (folder / "a-good.txt").write_text(ARTICLE, encoding="utf-8")
    # Three bodies of their own: one text in two files would be one story, one row (reposts.py).
    (folder / "b-good.md").write_text(
        "---\ntitle: 第二篇\nsource: 青山日报\n---\n\n夏粮收购工作全面展开，各收购点秩序井然。\n",
        encoding="utf-8",
    )
    long_body = "春耕生产有序推进，农资供应充足。" * 3400
    (folder / "long.txt").write_text(f"长文\n{long_body}\n", encoding="utf-8")
    good = {"a-good.txt": "全市国防动员会议召开", "b-good.md": "第二篇", "long.txt": "长文"}

    themes, _ = discover_themes()
    app = ReaderApp(library=folder, theme_specs=themes, theme_name="ink")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.query_one(LibraryTable)
        listed = {entry.path.name: entry for entry in article_list.entries}
        for name, title in good.items():
            assert listed[name].error is None and listed[name].title == title
        for path, fragment in bad.items():
            entry = listed[path.name]  # links that lead nowhere are listed and marked too
            assert entry.error is not None and fragment in entry.error, path.name
            assert "\n" not in entry.error
        assert set(listed) <= {*good, *(path.name for path in bad)}
        assert app.article is not None and app.article.path.name in good  # a good one opened

        # Still responsive: move through the list, try to open a bad file, step articles, help.
        article_list.focus()
        bad_index = next(i for i, entry in enumerate(article_list.entries) if entry.error)
        article_list.highlighted = bad_index
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.article is not None and app.article.path.name in good
        bad_name = article_list.entries[bad_index].path.name
        assert any(bad_name in message for message in messages(app))  # told, in one line
        start = article_list.highlighted
        await pilot.press("down")
        assert article_list.highlighted == (start + 1) % len(article_list.entries)
        opened = {app.article.path.name}
        for _ in range(len(article_list.entries)):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            opened.add(app.article.path.name)
        assert opened <= set(good) and len(opened) >= 2  # bad files are skipped, never opened
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


# --- properties (hypothesis) -----------------------------------------------------------

if given is not None:
    _CODECS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "big5", "utf-32"])
    _TEXT = st.text(
        st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Z", "Cc", "Cf"]), max_size=300
    )

    @given(st.binary(max_size=3000))
    @settings(max_examples=400, deadline=None)
    def test_property_any_bytes_decode_or_raise_article_error(data: bytes) -> None:
        try:
            decoded = decode_article_bytes(data)
        except ArticleError as error:
            assert "\n" not in str(error)
        else:
            assert "\r" not in decoded.text
            assert decoded.encoding

    @given(_TEXT, _CODECS, st.integers(min_value=0, max_value=4000), st.sampled_from([".txt", ".md"]))
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    def test_property_truncated_text_loads_inert_or_fails_in_one_line(
        tmp_path: Path, text: str, codec: str, cut: int, suffix: str
    ) -> None:
        data = text.encode(codec, errors="replace")[:cut]
        path = tmp_path / f"prop{suffix}"
        path.write_bytes(data)
        try:
            article = load_article(path)
        except ArticleError as error:
            assert "\n" not in str(error) and not has_unsafe(str(error))
        else:
            for field in (article.title, *article.paragraphs, *article.notices):
                assert not has_unsafe(field) and "\n" not in field

    @given(_TEXT)
    @settings(max_examples=300, deadline=None)
    def test_property_utf8_and_gb18030_round_trip(text: str) -> None:
        """Text without controls that encodes both ways comes back exactly (newlines normalised)."""
        text = "".join(ch for ch in text if ch.isprintable() or ch == "\n")
        if not text.strip():
            return
        assert decode_article_bytes(text.encode("utf-8")).text == text
        assert decode_article_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")).text == text

else:

    def test_property_tests_need_hypothesis() -> None:
        pytest.skip("hypothesis is not installed: property tests skipped")
