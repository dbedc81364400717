"""Officials' names in pinyin: surname readings right, compound surnames, foreign names."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reader import pinyin
from reader.pinyin import DATA_FILE, name_pinyin, overlay_problem, reset, split_name, surname_readings


@pytest.fixture(autouse=True)
def fresh_readings():
    reset()
    yield
    reset()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("柳鹏", "Liǔ Péng"),
        ("习近平", "Xí Jìnpíng"),
        ("郑亚军", "Zhèng Yàjūn"),
        # surnames whose reading differs from the everyday one (pypinyin alone gets these wrong)
        ("单雄", "Shàn Xióng"),
        ("曾国藩", "Zēng Guófān"),
        ("解振华", "Xiè Zhènhuá"),
        ("仇和", "Qiú Hé"),
        ("区伟", "Ōu Wěi"),
        ("朴槿惠", "Piáo Jǐnhuì"),
        ("查良镛", "Zhā Liángyōng"),
        ("盖叫天", "Gě Jiàotiān"),
        ("任建民", "Rén Jiànmín"),
        ("肖长春", "Xiāo Chángchūn"),
        # given-name characters read as names read them (pypinyin: Zhǎngshùn, Shǎoqí)
        ("刘长顺", "Liú Chángshùn"),
        ("刘少奇", "Liú Shàoqí"),
        # compound surnames are one word
        ("尉迟恭", "Yùchí Gōng"),
        ("欧阳修", "Ōuyáng Xiū"),
        ("万俟卨", "Mòqí Xiè"),
        ("长孙无忌", "Zhǎngsūn Wújì"),
        # the apostrophe before a, o, e inside a word
        ("李天恩", "Lǐ Tiān'ēn"),
        # a foreign name, part by part
        ("弗拉基米尔·普京", "Fúlājīmǐ'ěr Pǔjīng"),
        ("吕", "Lǚ"),
        ("", ""),
    ],
)
def test_names(name: str, expected: str) -> None:
    assert name_pinyin(name) == expected


def test_a_two_character_name_is_never_read_as_a_compound_surname() -> None:
    assert split_name("欧阳") == ("欧", "阳")  # a person surnamed 欧, given name 阳
    assert split_name("欧阳修") == ("欧阳", "修")


def test_every_compound_surname_of_the_officials_lexicon_has_a_reading() -> None:
    lexicon_file = Path(pinyin.__file__).parent / "officials" / "data" / "surnames.yaml"
    lexicon = yaml.safe_load(lexicon_file.read_text(encoding="utf-8"))
    _, compound = surname_readings()
    assert set(lexicon["compound"]) <= set(compound)
    bundled = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    assert all(len(reading) >= 2 for reading in bundled["single"].values())


def test_user_overlay_corrects_a_reading(reader_dirs: dict[str, Path]) -> None:
    reader_dirs["config"].mkdir(parents=True)
    (reader_dirs["config"] / "surname_readings.yaml").write_text("single:\n  乐: lè\n", encoding="utf-8")
    assert name_pinyin("乐嘉") == "Lè Jiā"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("single: [单]\n", "single must map characters to pinyin"),
        ("single:\n  单于: chányú\n", "single.单于: must be 1 character"),
        ("surnames: {}\n", "unknown key 'surnames'"),
        ("single: {\n", "not valid YAML"),
    ],
)
def test_broken_overlay_is_reported_and_left_out(
    reader_dirs: dict[str, Path], text: str, fragment: str
) -> None:
    reader_dirs["config"].mkdir(parents=True)
    (reader_dirs["config"] / "surname_readings.yaml").write_text(text, encoding="utf-8")
    assert name_pinyin("单雄") == "Shàn Xióng"  # the bundled readings still work
    problem = overlay_problem()
    assert problem is not None and problem.startswith("surname_readings.yaml: ")
    assert fragment in problem and "\n" not in problem


def test_no_overlay_no_problem(reader_dirs: dict[str, Path]) -> None:
    assert overlay_problem() is None
