"""issue 12, item 11: what reader does when a library changes under it, and exports that
never overwrite one another."""

from __future__ import annotations

from pathlib import Path

from reader.ui.widgets.library_table import LibraryTable

from .pilot import messages, settle
from .test_library_app import ARTICLES, library, make_app

SIZE = (120, 40)


async def test_an_article_deleted_meanwhile_leaves_the_list(tmp_path: Path) -> None:
    folder = library(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(LibraryTable)
        assert len(table.entries) == len(ARTICLES)
        shown = app.article
        gone = folder / "xwlb_20180301_02.txt"
        gone.unlink()  # deleted in another terminal while reader runs
        app.reader.open_path(gone)  # Enter on its row, `]` onto it, a hit in it
        await pilot.pause()
        assert gone not in [entry.path for entry in table.entries]  # at once
        await settle(pilot)  # and the index's refresh agrees
        assert sorted(entry.path.name for entry in table.entries) == sorted(
            name for name in ARTICLES if name != gone.name
        )
        assert app.article is shown  # what was read stays on screen
        assert any("xwlb_20180301_02.txt" in message for message in messages(app))  # said why
        assert app.reader.session is not None
        assert gone not in [entry.path for entry in app.reader.session.entries()]


def test_exports_of_articles_with_the_same_name_never_overwrite_one_another(tmp_path: Path) -> None:
    import json

    from reader.loaders import load_article
    from reader.officials import extract_officials
    from reader.officials.export import save_report

    exports = tmp_path / "exports"
    exports.mkdir()
    stems = []
    for outlet, mayor in (("gansu", "柳鹏"), ("hubei", "王忠林")):
        (tmp_path / outlet).mkdir()
        path = tmp_path / outlet / "01.txt"  # every day's first article has this name
        path.write_text(f"会议召开\n市长{mayor}主持会议。\n", encoding="utf-8")
        article = load_article(path)
        stems.append((save_report(article, extract_officials(article.paragraphs), exports), path, mayor))
    assert stems[0][0] != stems[1][0]
    assert stems[0][0].name == "01-officials"  # the first keeps the plain name
    for stem, path, mayor in stems:
        data = json.loads(stem.with_name(stem.name + ".json").read_text(encoding="utf-8"))
        assert data["path"] == str(path) and [o["name"] for o in data["officials"]] == [mayor]
        assert mayor in stem.with_name(stem.name + ".csv").read_text(encoding="utf-8")
    again = load_article(stems[1][1])  # exporting one again replaces its own files
    assert save_report(again, extract_officials(again.paragraphs), exports) == stems[1][0]
    assert len(list(exports.iterdir())) == 4


def test_sort_by_title_follows_pinyin() -> None:
    """issue 14: by title is by pinyin (as dictionaries), not by code point (国 U+56FD
    before 安 U+5B89 before 北 U+5317 would put 国 first)."""
    from reader.library import LibraryEntry
    from reader.pinyin import sort_key
    from reader.ui.widgets.library_table import sort_entries

    titles = [
        "中国外长会见",
        "《北京》首发",
        "安徽调研",
        "国务院常务会议",
        "Apple 发布会",
        "北京冬奥",
        "重要讲话",
    ]
    entries = [LibraryEntry(Path(f"/lib/{n}.txt"), title) for n, title in enumerate(titles)]
    sort_entries(entries, "title")
    assert [entry.title for entry in entries] == [
        "安徽调研",  # an1 hui1
        "Apple 发布会",  # apple: a Latin word reads as one
        "北京冬奥",  # bei3 jing1 dong1
        "《北京》首发",  # bei3 jing1 shou3: the book marks do not count
        "国务院常务会议",  # guo2
        "中国外长会见",  # zhong1
        "重要讲话",  # zhong4 (重's most common reading)
    ]
    assert sort_key("西安") < sort_key("先进")  # xi an before xian
