"""`reader add URL|FILE.html`: pages served from 127.0.0.1, saved as Markdown in the inbox."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from reader import locations
from reader.cli import main
from reader.loaders import load_article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages_html"


class _Pages(http.server.BaseHTTPRequestHandler):
    """Serves the fixture pages by name; counts the requests each path gets."""

    hits: dict[str, int] = {}

    def do_GET(self) -> None:
        _Pages.hits[self.path] = _Pages.hits.get(self.path, 0) + 1
        page = FIXTURES / self.path.lstrip("/")
        if self.path == "/" or not page.is_file():
            self.send_error(404, "Not Found")
            return
        data = page.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Pages.hits = {}
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n")[1])


def test_add_url_saves_markdown_in_the_inbox(
    server: str, reader_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{server}/single_file.html"
    assert main(["add", url]) == 0
    saved = Path(capsys.readouterr().out.strip())
    assert saved.parent == locations.inbox_dir() == reader_dirs["data"] / "inbox"
    meta = _front_matter(saved)
    assert meta["url"] == url
    assert isinstance(datetime.fromisoformat(str(meta["fetched"])), datetime)
    article = load_article(saved)
    assert article.title == "示例区召开安全生产工作会议"
    assert article.source == "示例区应急管理局"
    assert article.published == datetime(2025, 9, 30, 9, 0)
    assert article.url == url
    assert article.paragraphs[0].startswith("9月29日，示例区召开安全生产工作会议")
    assert _Pages.hits == {"/single_file.html": 1}


def test_adding_the_same_url_again_fetches_nothing(
    server: str, reader_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{server}/complete_gb2312.html"
    assert main(["add", url]) == 0
    first = capsys.readouterr().out.strip()
    assert main(["add", url]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == first
    assert "already in the inbox" in captured.err
    assert _Pages.hits == {"/complete_gb2312.html": 1}
    assert len(list(locations.inbox_dir().iterdir())) == 1


@pytest.mark.parametrize(
    ("path", "words"), [("/missing.html", "404"), ("/no_article.html", "no article text")]
)
def test_http_error_or_no_article_is_one_line_and_status_2(
    server: str, reader_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str], path: str, words: str
) -> None:
    assert main(["add", f"{server}{path}"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and words in captured.err
    assert not locations.inbox_dir().exists()


def test_network_error_is_one_line_and_status_2(
    reader_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on: bound, never listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        assert main(["add", f"http://127.0.0.1:{port}/page.html"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot fetch" in err


def test_add_saved_file_leaves_it_alone(
    tmp_path: Path, reader_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my pages"
    folder.mkdir()
    page = folder / "page.shtml"
    page.write_bytes((FIXTURES / "complete_gb2312.html").read_bytes())
    before = sorted(p.name for p in folder.iterdir()), page.read_bytes()
    assert main(["add", str(page)]) == 0
    saved = Path(capsys.readouterr().out.strip())
    assert saved.parent == locations.inbox_dir()
    assert (sorted(p.name for p in folder.iterdir()), page.read_bytes()) == before
    article = load_article(saved)
    assert article.editor == "周明" and article.title == "青禾县召开春季森林防火工作会议"


def test_add_missing_file_is_one_line(
    reader_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "/no/such/page.html"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_paragraphs_that_look_like_markdown_read_back_as_paragraphs(tmp_path: Path) -> None:
    from reader.article import Article
    from reader.inbox import to_markdown

    paragraphs = ("# 不是标题", "--- 也不是分隔线", "正文。")
    article = Article(path=tmp_path / "x.html", title="标题", paragraphs=paragraphs)
    path = tmp_path / "x.md"
    path.write_text(to_markdown(article, None, datetime(2026, 1, 2, 3, 4)), encoding="utf-8")
    loaded = load_article(path)
    assert loaded.title == "标题"
    assert tuple(p.lstrip("\u200b") for p in loaded.paragraphs) == paragraphs


def test_locate_inbox(reader_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["locate", "inbox"]) == 0
    assert capsys.readouterr().out.strip() == str(reader_dirs["data"] / "inbox")
