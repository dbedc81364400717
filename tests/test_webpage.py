"""Saved web pages (reader/loaders/webpage.py): made-up pages of each kind, the gold of
37 real Chinese news pages in tests/pages (see tests/pages/README.md), and the held-out gold
of 26 more in tests/pages/heldout, kept apart (see tests/pages/heldout/README.md)."""

from __future__ import annotations

import gzip
import os
import statistics
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from reader.loaders import ARTICLE_SUFFIXES, ArticleError, load_article
from reader.loaders.webpage import decode_page, parse_page

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages_html"
PAGES = Path(__file__).resolve().parent / "pages"
HELDOUT = PAGES / "heldout"


def test_complete_save_in_gb2312() -> None:
    """A browser's "Web page, complete" save: GB2312 bytes, its files beside it, furniture around."""
    path = FIXTURES / "complete_gb2312.html"
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    article = load_article(path)
    assert article.encoding == "gb18030"
    assert article.title == "青禾县召开春季森林防火工作会议"
    assert article.published == datetime(2026, 3, 18, 10, 31)
    assert article.source == "示例日报"
    assert article.editor == "周明"
    assert article.paragraphs == (
        "3月17日，青禾县召开春季森林防火工作会议。县委副书记、县长李大山出席会议并讲话。",
        "李大山强调，要压紧压实各级责任，确保不发生重大森林火灾。各乡镇要加强巡查，落实值守制度。",
        "会议还部署了清明节期间的防火巡查工作。",
    )
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before  # the page is never changed


def test_single_file_save() -> None:
    article = load_article(FIXTURES / "single_file.html")
    assert article.title == "示例区召开安全生产工作会议"
    assert article.published == datetime(2025, 9, 30, 9, 0)
    assert article.source == "示例区应急管理局"
    assert article.paragraphs == (
        "9月29日，示例区召开安全生产工作会议，区委常委、副区长王小二出席会议。",
        "会议要求，各部门要压实安全生产责任，深入开展隐患排查整治。",
    )  # the display:none paragraph and the share bar are not text


def test_valid_utf8_wins_over_a_stale_meta_charset() -> None:
    article = load_article(FIXTURES / "stale_charset.html")
    assert article.encoding == "utf-8"
    assert article.title == "示例区召开安全生产工作会议"


def test_meta_charset_reads_bytes_that_are_not_utf8() -> None:
    text = "<html><head><meta charset=big5><title>示範</title></head>"
    text += "<body><p>這是一段測試文字，內容很短。</p></body></html>"
    decoded = decode_page(text.encode("big5"))
    assert decoded.encoding == "big5hkscs"
    assert "這是一段測試文字" in decoded.text


def test_page_without_article_text_is_one_line() -> None:
    path = FIXTURES / "no_article.html"
    with pytest.raises(ArticleError) as error:
        load_article(path)
    message = str(error.value)
    assert "\n" not in message and path.name in message and "no article text" in message


def test_page_text_is_inert(tmp_path: Path) -> None:
    path = tmp_path / "evil.html"
    path.write_text(
        "<html><head><title>标题\x1b[31m红</title></head><body><h1>标题\x1b[31m红</h1>"
        "<div id='content'><p>正文第一段，有控制字符\x1b]52;c;SGVsbG8=\x07在这里。</p>"
        "<p>正文第二段，[bold]不是标记[/bold]。</p></div></body></html>",
        encoding="utf-8",
    )
    article = load_article(path)
    assert all("\x1b" not in text and "\x07" not in text for text in (article.title, *article.paragraphs))
    assert "[bold]不是标记[/bold]" in article.paragraphs[1]


def test_page_suffixes_are_articles() -> None:
    assert {".html", ".htm", ".shtml"} <= set(ARTICLE_SUFFIXES)


def test_a_text_file_that_is_html_is_read_as_a_page(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes((FIXTURES / "single_file.html").read_bytes())
    assert load_article(path).title == "示例区召开安全生产工作会议"


# --- the gold ------------------------------------------------------------------------------


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def _f1(predicted: str, gold: str) -> float:
    got, want = _chars(predicted), _chars(gold)
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def _day(value: object) -> date:
    return value if isinstance(value, date) else datetime.fromisoformat(str(value)).date()


def _scores(folder: Path) -> tuple[int, int, int, list[float]]:
    """bench_pages.py's figures for reader on `folder`'s gold: pages, titles exact, dates right
    (no date found where the gold has none is right), and each page's body F1."""
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    titles = dates = 0
    f1s = []
    for entry in gold:
        data = gzip.decompress((folder / f"{entry['file']}.gz").read_bytes())
        article = parse_page(data, Path(entry["file"]))
        titles += " ".join(article.title.split()) == " ".join(entry["title"].split())
        if entry["date"] is None:
            dates += article.published is None
        else:
            dates += article.published is not None and article.published.date() == _day(entry["date"])
        f1s.append(_f1("\n".join(article.paragraphs), "\n".join(entry["body"])))
    return len(gold), titles, dates, f1s


def test_real_pages_against_the_gold() -> None:
    """The targets of issue 18 on 37 real pages: title exact and date right on ≥ 95 %, body
    character F1 ≥ 0.95 on average and on at least 95 % of the pages (bench/bench_pages.py
    prints the same figures for other extractors)."""
    pages, titles, dates, f1s = _scores(PAGES)
    assert pages >= 30
    assert titles >= 0.95 * pages
    assert dates >= 0.95 * pages
    assert statistics.mean(f1s) >= 0.95
    assert sum(f1 >= 0.95 for f1 in f1s) >= 0.95 * pages


def test_gold_pages_are_the_stored_bytes() -> None:
    """Every gold entry has its page, and no page is without gold (the fixtures are the pages)."""
    gold = yaml.safe_load((PAGES / "gold.yaml").read_text(encoding="utf-8"))
    stored = {name[: -len(".gz")] for name in os.listdir(PAGES) if name.endswith(".gz")}
    assert stored == {entry["file"] for entry in gold}


# --- the held-out gold -----------------------------------------------------------------------


def test_held_out_pages_load(tmp_path: Path) -> None:
    """Every held-out page opens as a saved page does (the .html as stored), without a crash,
    with a title and body text."""
    gold = yaml.safe_load((HELDOUT / "gold.yaml").read_text(encoding="utf-8"))
    stored = {name[: -len(".gz")] for name in os.listdir(HELDOUT) if name.endswith(".gz")}
    assert stored == {entry["file"] for entry in gold}
    assert len(gold) >= 20
    for entry in gold:
        path = tmp_path / entry["file"]
        path.write_bytes(gzip.decompress((HELDOUT / f"{entry['file']}.gz").read_bytes()))
        article = load_article(path)
        assert article.title
        assert article.paragraphs


def test_held_out_pages_against_their_gold() -> None:
    """The KEPT-APART score: 26 real pages (trafilatura's tests/eval, GerapyAutoExtractor's
    samples, the Chinese-Web-Content-Extraction-Dataset) that reader's page rules were never
    written or tuned on; their gold was written by hand before any extractor ran on them.
    Measured once (bench/bench_pages.py --gold tests/pages/heldout/gold.yaml): title exact
    22/26, date right 24/26, body character F1 mean 0.997, min 0.983, 26/26 pages ≥ 0.95.
    Its three real misses were then read and fixed by general rules, each with a made-up
    page below (a logo in <h1>, a column's name before |, a Founder e-paper's date): 24/26 and
    25/26 since, a seen figure now; tests/pages/heldout2 is the set kept apart after it."""
    pages, titles, dates, f1s = _scores(HELDOUT)
    assert pages == 26
    assert titles >= 23
    assert dates >= 24
    assert statistics.mean(f1s) >= 0.99
    assert sum(f1 >= 0.95 for f1 in f1s) >= 25


def _page(head: str, body: str) -> bytes:
    paragraph = "3月17日，青禾县召开春季森林防火工作会议，部署全县防火工作。"
    paragraphs = f"<p>{paragraph}</p>" * 3
    return (
        f"<html><head><meta charset='utf-8'>{head}</head><body>{body}"
        f"<div class='article-content'>{paragraphs}</div></body></html>"
    ).encode()


def test_a_sites_logo_in_h1_is_not_the_headline() -> None:
    """<title> ends with the site's name, which its logo prints in <h1>; the headline is the
    heading that repeats most of <title>."""
    headings = "<h1>示例新闻网</h1><h2>青禾县召开防火会议</h2>"
    data = _page("<title>青禾县召开防火会议 示例新闻网</title>", headings)
    assert parse_page(data, Path("logo.html")).title == "青禾县召开防火会议"


def test_a_columns_name_before_a_bar_is_part_of_the_headline() -> None:
    """书记市长这一周 | 奋马扬鞭… : what follows the bar reads as a sentence, so it is no site's
    name; a class such as tit2 marks a title; a plain site name after _ is still cut."""
    title = "书记市长这一周 | 奋马扬鞭争春色，“虎”力全开"
    data = _page(f"<title>{title}</title>", f"<div class='tit2'>{title}</div>")
    assert parse_page(data, Path("column.html")).title == title
    bare = _page(f"<title>{title}_新闻_示例网</title>", "")
    assert parse_page(bare, Path("bare.html")).title == title


def test_a_founder_epapers_date_comes_from_its_fields() -> None:
    """方正 e-papers write the article's fields into a comment (enpproperty); the page prints
    the date only as an image: the comment's date is the article's."""
    comment = "<!--enpproperty <date>2022-02-13 00:00:00:0</date><title>示例</title>/enpproperty-->"
    heading = "<h2 class='art-title'>青禾县召开防火会议</h2>"
    data = _page("<title>青禾县召开防火会议</title>", heading + comment)
    assert parse_page(data, Path("epaper.html")).published == datetime(2022, 2, 13)


def _html(body: str) -> bytes:
    head = "<meta charset='utf-8'><title>青禾县召开防火会议</title>"
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def test_a_date_line_at_the_bodys_top_and_a_pager_are_no_text() -> None:
    """2005-01-06 08:13更新 来源：转载文章 is the date (转载文章 names no outlet); 第1页/共1页 and
    << 上一页 | 下一页 >> are the page's pager."""
    body = (
        "<div class='article-content'><p>2005-01-06 08:13更新 来源：转载文章</p><p>第1页/共1页</p>"
        "<p>&lt;&lt; 上一页 | 下一页 &gt;&gt;</p>"
        + "<p>3月17日，青禾县召开春季森林防火工作会议，部署全县防火工作。</p>" * 3
        + "</div>"
    )
    article = parse_page(_html(body), Path("pager.html"))
    assert article.published == datetime(2005, 1, 6, 8, 13)
    assert article.source != "转载文章"
    assert all(p.startswith("3月17日") for p in article.paragraphs)


def test_the_article_goes_on_after_links_in_mid_text_but_not_after_related_links() -> None:
    """延伸阅读 and its links in the middle of a story, then four more lines of it: the story
    goes on. 相关报道 and linked titles with their dates at the end: nothing after is text."""
    para = "<p>3月17日，青禾县召开春季森林防火工作会议，部署全县防火工作。</p>"
    links = (
        "<p>延伸阅读：<a href='/a'>另一篇报道的标题在这里</a></p>"
        "<p><a href='/b'>第二篇报道的标题在这里</a></p>"
    )
    more = "".join(f"<p>会议要求之{n}，各乡镇要加强巡查，落实值守制度。</p>" for n in "一二三四")
    related = (
        "<p>相关报道：</p><div>·<a href='/c'>富夫妻望子成龙假离婚</a>（2005-04-03 17:19PM）<br>"
        "·<a href='/d'>沪银行关照直系亲属房贷记录</a>（2005-04-01 16:19PM）<br>"
        "·<a href='/e'>夫妻勾结受贿被判十三年</a>（2005-04-01 15:57PM）<br>"
        "·<a href='/f'>大学生结婚不能休婚假</a>（2005-03-31 14:33PM）</div><p>发送给朋友</p>"
    )
    page = f"<div class='article-content'>{para * 2}{links}{more}{related}</div>"
    paragraphs = parse_page(_html(page), Path("links.html")).paragraphs
    assert len(paragraphs) == 6 and paragraphs[-1].startswith("会议要求之四")


def test_the_second_held_out_set_at_its_seen_figures() -> None:
    """tests/pages/heldout2: 20 pages of 2004-2006, scored once when they arrived (title 12/20,
    date 11/20, body F1 0.873), then read: 14/20, 16/20, 0.960 since (its README). Floors
    under the seen figures, so a later rule that loses what was gained on them shows."""
    pages, titles, dates, f1s = _scores(PAGES / "heldout2")
    assert pages == 20
    assert titles >= 14
    assert dates >= 15
    assert statistics.mean(f1s) >= 0.95


def test_a_blogs_name_before_a_guillemet_is_cut() -> None:
    """多维博客 » 标题: blogs and forums print their name first."""
    data = _page("<title>示例博客 » 青禾县召开防火会议</title>", "")
    assert parse_page(data, Path("blog.html")).title == "青禾县召开防火会议"


def test_a_comments_date_line_gives_no_headline() -> None:
    """Below the article, a comment's 发表人：… and 发表时间：… lines: the line above that date
    is no headline when <title> holds one (a field line never is)."""
    comments = (
        "<table><tr><td>没有相关信息</td></tr><tr><td>发表人：550</td></tr>"
        "<tr><td>发表时间：2004-12-11 9:51:00</td></tr></table>"
    )
    data = _page("<title>第四届示例经济学年会会议议程_年会秘书处_示例研究中心</title>", comments)
    assert parse_page(data, Path("comments.html")).title == "第四届示例经济学年会会议议程"


def test_the_third_held_out_set_at_its_seen_figures() -> None:
    """tests/pages/heldout3: 68 pages of seven repositories, scored once when they arrived
    (title 65/68, date 65/68, body F1 mean 0.945), then read: 68/68, 67/68, 0.980 since (its
    README). Floors under the seen figures."""
    pages, titles, dates, f1s = _scores(PAGES / "heldout3")
    assert pages == 68
    assert titles >= 67
    assert dates >= 66
    assert statistics.mean(f1s) >= 0.97


def test_the_headlines_article_element_holds_its_text() -> None:
    """A short brief in the <article> that holds its headline, beside longer teasers of other
    stories in a list: the brief is the body."""
    teaser = "<li class='stream-item'><div>" + "另一篇报道的摘要，讲的是别的事情，" * 12 + "。</div></li>"
    page = (
        "<div class='stream'><ul>" + teaser * 3 + "</ul></div>"
        "<article><h1>青禾县召开防火会议</h1><div class='body'>"
        "<p>3月17日，青禾县召开春季森林防火工作会议，部署全县防火工作。</p></div></article>"
    )
    article = parse_page(_html(page), Path("brief.html"))
    assert article.paragraphs == ("3月17日，青禾县召开春季森林防火工作会议，部署全县防火工作。",)


def test_platform_and_post_furniture_is_no_text() -> None:
    """搜狐号's and 澎湃号's lines around a post: the date line, 发布于, 返回搜狐, 平台声明, 首赞,
    阅读 counts, credits with bars, WeChat's 回复【…】 lines, replacement characters, 资料图; BBC中文's
    byline block, photo credits and the screen readers' caption prefix (图像加注文字，)."""
    text = "<p>3月17日，青禾县召开春季森林防火工作会议，部署全县防火工作。</p>"
    furniture = [
        "2024-05-20 06:48", "发布于：北京市", "本文原标题：《青禾县召开防火会议》", "\ufffd\ufffd\ufffd",
        "资料图", "编辑|王小明", "责编|李小红", "扫描下方二维码解锁更多技能", "1、回复【公租房】查看最新消息",
        "平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台。", "首赞", "阅读 (177万)", "评论（0）",
        "转播到腾讯微博", "自动播放", "图像来源，Family handout", "Article information", "Author, 王小明",
        "Role, BBC记者", "2025年4月22日早上8点12分",
    ]  # fmt: skip
    page = "<div class='article-content'>" + text + "".join(f"<p>{line}</p>" for line in furniture)
    page += "<p>图像加注文字，会场外景</p>"
    page += "<p>会议要求各乡镇加强巡查，落实值守制度。返回搜狐，查看更多</p></div>"
    paragraphs = parse_page(_html(page), Path("post.html")).paragraphs
    assert paragraphs == (
        "3月17日，青禾县召开春季森林防火工作会议，部署全县防火工作。",
        "会场外景",
        "会议要求各乡镇加强巡查，落实值守制度。",
    )


def test_traditional_related_links_end_the_article() -> None:
    """延伸閱讀 and 【熱門點閱】 (traditional) are related links, as 延伸阅读 is."""
    para = "<p>3月17日，青禾縣召開春季森林防火工作會議，部署全縣防火工作。</p>"
    links = "<p>延伸閱讀</p><p><a href='/a'>另一篇報導的標題在這裡</a></p>"
    page = f"<div class='article-content'>{para * 3}{links}</div>"
    assert len(parse_page(_html(page), Path("tw.html")).paragraphs) == 3


def test_keywords_or_a_sites_name_after_a_bare_hyphen_leave_the_title() -> None:
    """<title> 标题-中国,嫦娥五号,月球 and 标题-中国科普网: the part after the hyphen is keywords or
    the site's name; a hyphen between digits (130-109) is the headline's."""
    for page_title in ("青禾县召开防火会议-中国,森林,防火", "青禾县召开防火会议-示例科普网"):
        data = _page(f"<title>{page_title}</title>", "")
        assert parse_page(data, Path("hyphen.html")).title == "青禾县召开防火会议"
    score = _page("<title>步行者130-109战胜尼克斯</title>", "")
    assert parse_page(score, Path("score.html")).title == "步行者130-109战胜尼克斯"


def test_a_badge_after_the_headline_is_not_the_headlines() -> None:
    """<h2 class='title'>标题 原创</h2> under <title>标题</title>: 原创 is a badge."""
    data = _page("<title>青禾县召开防火会议</title>", "<h2 class='title'>青禾县召开防火会议 原创</h2>")
    assert parse_page(data, Path("badge.html")).title == "青禾县召开防火会议"


def test_a_headline_of_no_element_dates_from_after_its_text() -> None:
    """No heading element repeats <title>: the date is the one printed after the headline's
    text, not a clock's date printed earlier on the page."""
    body = (
        "<div class='top'>2021年10月7日 星期四</div><div class='x'>青禾县召开防火会议</div>"
        "<div class='info'>2020-11-23 10:22:14 出处：示例网</div>"
        "<div class='article-content'>"
        + "<p>3月17日，青禾县召开春季森林防火工作会议，部署全县防火工作。</p>" * 3
        + "</div>"
    )
    head = "<meta charset='utf-8'><title>青禾县召开防火会议-示例网</title>"
    data = f"<html><head>{head}</head><body>{body}</body></html>"
    assert parse_page(data.encode(), Path("clock.html")).published == datetime(2020, 11, 23, 10, 22)


def test_a_headline_that_links_to_its_own_page_is_the_headline() -> None:
    """<h1><a href=…>标题</a></h1>, the <title> repeating it with its sections after hyphens."""
    data = _page(
        "<title>青禾县召开防火会议-业界-IT评论</title>",
        "<div class='single_title'><h1><a href='/2009/1.html'>青禾县召开防火会议</a></h1></div>",
    )
    assert parse_page(data, Path("selflink.html")).title == "青禾县召开防火会议"


def test_a_title_of_only_the_bodys_name_leaves_the_headline_to_a_heading() -> None:
    """<title>青禾县林业局</title> and the headline in an <h5> that opens with that name."""
    data = _page("<title>青禾县林业局</title>", "<h5>青禾县林业局召开春季森林防火工作会议</h5>")
    assert parse_page(data, Path("h5.html")).title == "青禾县林业局召开春季森林防火工作会议"


def test_the_only_h1_wins_over_a_title_worded_otherwise() -> None:
    """A <title> worded for search engines and an <h1> that reads as a headline: the page prints
    the <h1> above the article. An <h1> that holds the <title>'s headline and a subtitle does not win."""
    data = _page(
        "<title>防火：青禾县部署春季工作 - 示例新闻</title>",
        "<h1>在春季到来前，青禾县召开了森林防火会议</h1>",
    )
    assert parse_page(data, Path("seo.html")).title == "在春季到来前，青禾县召开了森林防火会议"
    longer = _page(
        "<title>青禾县召开防火会议</title>", "<h1>青禾县召开防火会议 全县部署春季森林防火工作，压实责任</h1>"
    )
    assert parse_page(longer, Path("subtitle.html")).title == "青禾县召开防火会议"


def test_in_a_main_that_holds_the_headline_the_date_under_it_is_read() -> None:
    """<main> holds the headline, a captioned photo dated in its caption, the byline's date and
    the text: the printed date the page's metadata confirms (its day, without a time) is the
    article's, with the time it prints."""
    body = (
        "<main><h1>在春季到来前，青禾县召开了森林防火会议</h1><figure><figcaption>2025年2月9日，会场外景。</figcaption>"
        "</figure><div class='byline'>2025年4月22日 08:12</div>"
        + "<p>3月17日，青禾县召开春季森林防火工作会议，部署全县防火工作。</p>" * 4
        + "</main>"
    )
    head = (
        "<meta charset='utf-8'><meta property='article:published_time' content='2025-04-22'>"
        "<title>在春季到来前，青禾县召开了森林防火会议 - 示例新闻</title>"
    )
    data = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    assert parse_page(data, Path("main.html")).published == datetime(2025, 4, 22, 8, 12)


def test_the_fourth_held_out_set_at_its_seen_figures() -> None:
    """tests/pages/heldout4: 26 pages, scored once when they arrived (title 23/26, date 23/26,
    body F1 0.990), then read: 26/26, 24/26, 0.990 since (its README)."""
    pages, titles, dates, f1s = _scores(PAGES / "heldout4")
    assert pages == 26
    assert titles >= 25
    assert dates >= 23
    assert statistics.mean(f1s) >= 0.98
