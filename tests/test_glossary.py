"""English glosses for posts: longest known ending, modifiers inside or before it, overlays."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from reader.glossary import DATA_FILE, Glossary, gloss, load_glossary, overlay_problem, reset


@pytest.fixture(autouse=True)
def fresh_glossary(reader_dirs: dict[str, Path]):
    reset()
    yield
    reset()


@pytest.mark.parametrize(
    ("title", "english"),
    [
        ("市委书记", "Party Secretary (municipal)"),
        ("市长", "Mayor"),
        ("军分区政委", "Political Commissar, Military Sub-district"),
        # the longest known ending wins over a shorter one (政委, 书记)
        ("嘉峪关军分区政委", "Political Commissar, Military Sub-district"),
        ("中共中央总书记", "General Secretary"),
        # modifiers inside the post
        ("嘉峪关市委副书记", "Deputy Party Secretary (municipal)"),
        ("酒钢集团公司党委副书记", "Deputy Party Secretary"),
        ("常务副市长", "Executive Vice Mayor"),
        ("代理市长", "Acting Mayor"),
        ("原市委书记", "Former Party Secretary (municipal)"),
        ("原副市长", "Former Vice Mayor"),
        # an entry that already holds the modifier wins
        ("甘肃省副省长", "Vice Governor"),
        ("国务院副总理", "Vice Premier of the State Council"),
        ("市人大常委会副主任", "Vice Chair of the People's Congress Standing Committee"),
        # a chain of posts printed as one title
        (
            "市委常委、宣传部部长",
            "Member of the Standing Committee, Municipal Party Committee; Head of the Publicity Department",
        ),
    ],
)
def test_gloss(title: str, english: str) -> None:
    assert gloss(title) == english


@pytest.mark.parametrize("title", ["记者", "村民", "副食品公司经理", ""])
def test_no_gloss_for_what_is_not_a_known_post(title: str) -> None:
    assert gloss(title) is None


def test_bundled_glossary_is_big_clean_and_has_no_duplicate_keys() -> None:
    glossary = load_glossary()
    assert len(glossary.posts) >= 80
    text = DATA_FILE.read_text(encoding="utf-8")
    keys = re.findall(r"^  ([^\s#:][^:]*):", text, flags=re.MULTILINE)
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert yaml.safe_load(text)["modifiers"]["副"] == "Deputy"
    for post, english in glossary.posts.items():
        assert english.isascii() and english == english.strip(), post


def test_user_overlay_adds_and_overrides(reader_dirs: dict[str, Path]) -> None:
    reader_dirs["config"].mkdir(parents=True)
    (reader_dirs["config"] / "glossary.yaml").write_text(
        "posts:\n  督导组组长: Head of the Inspection Team\n  市长: Mayor (city)\n", encoding="utf-8"
    )
    assert gloss("中央第三督导组组长") == "Head of the Inspection Team"
    assert gloss("副市长") == "Vice Mayor"  # untouched entries stay
    assert gloss("代理市长") == "Acting Mayor (city)"
    assert overlay_problem() is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("posts: [市长]\n", "posts must map Chinese words to English"),
        ("posts:\n  市长: 3\n", "posts.市长: needs an English text"),
        ("titles: {}\n", "unknown key 'titles'"),
        ("posts: {\n", "not valid YAML"),
    ],
)
def test_broken_overlay_is_reported_and_left_out(
    reader_dirs: dict[str, Path], text: str, fragment: str
) -> None:
    reader_dirs["config"].mkdir(parents=True)
    (reader_dirs["config"] / "glossary.yaml").write_text(text, encoding="utf-8")
    assert gloss("市长") == "Mayor"
    problem = overlay_problem()
    assert problem is not None and problem.startswith("glossary.yaml: ") and fragment in problem


def test_a_glossary_can_be_passed_in() -> None:
    tiny = Glossary(posts={"村长": "Village Head"}, modifiers={"副": "Deputy"})
    assert gloss("副村长", tiny) == "Deputy Village Head"
    assert gloss("市长", tiny) is None
