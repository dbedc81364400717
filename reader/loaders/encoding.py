"""Bytes to text for article files, without chardet.

Real collections hold UTF-8 (with or without a BOM), UTF-16/32, GB18030 (GBK, GB2312)
and Big5. BOMs are unambiguous; UTF-8 is strict enough that a legacy file almost never
passes it; UTF-16 without a BOM betrays itself by NUL bytes on one side of each pair.
GB18030 and Big5 both decode many byte strings, so the one whose result is made of
common Chinese characters wins.
"""

from __future__ import annotations

import codecs

from reader.article import ArticleError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# About 250 of the most frequent characters in news text, simplified and traditional, so
# that the right legacy codec scores high whichever script the article is written in.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两"
    "体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线"
    "内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并"
    "提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见"
    "计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七"
    "海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清美再采转更单风切打白教速花带安场身"
    "车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石"
    "记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青"
    "省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型"
    "眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
    "這個們來為國會對說時後過種現實經機動產業關點開當與從進長還發問應頭體門見樣幾電話麼"
    "學東親員務區專寫將報導師歲記讓認議論讀聽證語說詩誰變計設訪際陸隊陽陰離難題顯風飛"
    "臺灣於並萬義聞總統經濟濟選舉輪條廣縣鄉權線號護據環謝請邊歷歡態價費轉設備傳統衛"
)


def _is_texty(text: str) -> bool:
    """True unless control characters (other than layout ones) betray binary data."""
    if not text:
        return True
    sample = text[:20000]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v\x1b")
    return controls <= max(2, len(sample) // 200)


_PLAUSIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x24F),  # Latin
    (0x370, 0x4FF),  # Greek, Cyrillic
    (0x2000, 0x206F),  # general punctuation
    (0x2E80, 0x30FF),  # CJK radicals, CJK punctuation, kana
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms
)


def _plausibility(text: str) -> float:
    """The share of characters in scripts a news article uses.

    UTF-16 read with the wrong byte order (or binary read as UTF-16) scatters characters
    over the whole Basic Multilingual Plane; real text stays in a few blocks.
    """
    sample = text[:20000]
    if not sample:
        return 0.0
    good = sum(
        1 for ch in sample if ch in "\t\n\r" or any(low <= ord(ch) <= high for low, high in _PLAUSIBLE_RANGES)
    )
    return good / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """Decode BOM-less UTF-16 in whichever byte order gives plausible text.

    NUL bytes are what make us try: every line break and ASCII character has one. Their
    side does not settle the byte order, because common CJK characters have one too
    (U+3000, the indent, and 一 U+4E00), so both orders are tried and judged.
    """
    if len(data) % 2:
        return None
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if score >= 0.95 and (best is None or score > best[0]):
            best = (score, text)
    return best[1] if best else None


def _common_score(text: str) -> int:
    """How many characters of `text` are frequent Chinese characters."""
    return sum(1 for ch in text if ch in _COMMON)


def _legacy_chinese(data: bytes) -> str | None:
    """GB18030 or Big5, whichever decodes strictly and reads as more common Chinese."""
    candidates: list[str] = []
    for codec in ("gb18030", "big5"):
        try:
            candidates.append(data.decode(codec))
        except UnicodeDecodeError:
            continue
    if not candidates:
        return None
    # max() keeps the first of equals: GB18030 wins a tie, it is the commoner one.
    return max(candidates, key=_common_score)


def _decode(data: bytes) -> str | None:
    """The text, or None when nothing fits."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _legacy_chinese(data)


def decode_bytes(data: bytes, *, name: str = "the file") -> str:
    """Decode an article file's bytes and normalise newlines to `\\n`.

    Raises ArticleError ("<name> is not text …") for binary or undecodable data.
    """
    text = _decode(data)
    if text is None or not _is_texty(text):
        raise ArticleError(f"{name} is not text (binary data or an unknown encoding)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
