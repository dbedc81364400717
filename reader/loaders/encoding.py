"""Bytes to text for article files, without chardet.

Real collections hold UTF-8 (with or without a BOM), UTF-16/32, GB18030 (GBK, GB2312)
and Big5. BOMs are unambiguous; UTF-8 is strict enough that a legacy file almost never
passes it; UTF-16 without a BOM betrays itself by NUL bytes on one side of each pair.
GB18030 and Big5 both decode many byte strings, so the one whose result is made of
common Chinese characters wins. Measured on 2-20 character runs of real text encoded
each way (bench/measure_encoding.py), this is right more often than charset-normalizer,
which mistakes short GBK for other code pages.

Damaged files (a UTF-8 file cut mid-character, a stray byte) decode with U+FFFD in
place of the bad bytes and a notice, when few bytes are bad; binary data never decodes.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from reader.article import ArticleError

REPLACEMENT = "\ufffd"

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
    "實際過對時後們產業機場單處辦獲圍組織質網絡執規劃專項鎮黨軍隊戰爭農營銀貿貨資購賣買錢結層屬達運還遠連"
    "週適徹落區域策署貫續優復維護與舉辦協調領導強調擴標準壓勢衛視紀錄並將於後"
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


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Decode BOM-less UTF-16 in whichever byte order gives plausible text.

    NUL bytes are what make us try: every line break and ASCII character has one. Their
    side does not settle the byte order, because common CJK characters have one too
    (U+3000, the indent, and 一 U+4E00), so both orders are tried and judged.
    """
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if score >= 0.95 and (best is None or score > best[0]):
            best = (score, text, codec)
    return (best[1], best[2]) if best else None


def _common_score(text: str) -> int:
    """How many characters of `text` are frequent Chinese characters."""
    return sum(1 for ch in text if ch in _COMMON)


def _legacy_chinese(data: bytes) -> tuple[str, str] | None:
    """(text, codec): GB18030 or Big5, whichever decodes strictly and reads as more common Chinese."""
    candidates: list[tuple[str, str]] = []
    for codec in ("gb18030", "big5"):
        try:
            candidates.append((data.decode(codec), codec))
        except UnicodeDecodeError:
            continue
    if not candidates:
        return None
    # max() keeps the first of equals: GB18030 wins a tie, it is the commoner one.
    return max(candidates, key=lambda candidate: _legacy_score(*candidate))


def _typicality(text: str, codec: str) -> int:
    """How much `text` looks like what `codec` usually carries, character by character.

    Short runs often hold no character of _COMMON, so the byte layout decides: real
    GB2312-era text sits in the GB2312 hanzi rows (lead B0-F7, trail A1-FE), real Big5
    text mostly in its frequent-character block (lead A4-C6). Reading one as the other
    lands in symbol rows, extension blocks, the rare-character block or private use.
    """
    score = 0
    for ch in text:
        code = ord(ch)
        if code < 0x2E80:
            continue
        if 0xE000 <= code <= 0xF8FF:
            score -= 2  # private use: a legacy codec's unassigned bytes
            continue
        raw = ch.encode(codec, errors="ignore")
        if len(raw) != 2:
            score -= 1
        elif codec == "big5":
            if code < 0x3400:  # CJK symbols and kana: Big5 keeps its punctuation below A4
                score -= 0 if raw[0] < 0xA4 else 1
            else:
                score += 1 if 0xA4 <= raw[0] <= 0xC6 else (-1 if raw[0] < 0xA4 else 0)
        elif 0xB0 <= raw[0] <= 0xF7 and raw[1] >= 0xA1:
            score += 1
        elif not (0xA1 <= raw[0] <= 0xA9 and raw[1] >= 0xA1):  # GB2312 punctuation rows are fine
            score -= 1
    return score


def _legacy_score(text: str, codec: str) -> int:
    """Common characters count most; the byte layout settles short runs without any."""
    sample = text[:_SCORE_SAMPLE]
    return 4 * _common_score(sample) + _typicality(sample, codec)


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/EPUB file)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
)
"""Signatures of the binary files people most often drop into a folder of articles."""

_MAX_BAD_SHARE = 0.05
"""A lossy decode is accepted only when at most this share of its characters are U+FFFD."""

_SCORE_SAMPLE = 20000
"""Characters scored per candidate: enough to decide, cheap on a 20 MB file."""

_NEWLINES = str.maketrans({"\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text with the codec it was read with and what the user should be told."""

    text: str
    encoding: str
    """A Python codec name: utf-8, utf-8-sig, utf-16-le, utf-16-be, utf-32-le/be, gb18030 or big5."""
    notices: tuple[str, ...] = ()


def _binary_kind(data: bytes) -> str | None:
    """What a binary file is, from its first bytes; None when no signature matches."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def _lossy(data: bytes, codec: str) -> tuple[str, int]:
    """`data` decoded with U+FFFD for what does not fit, and how many U+FFFD were added."""
    text = data.decode(codec, errors="replace")
    # A U+FFFD the file itself contained is not a decoding error.
    return text, text.count(REPLACEMENT) - _literal_replacements(data, codec)


def _literal_replacements(data: bytes, codec: str) -> int:
    """U+FFFD characters genuinely present in `data` (only UTF encodings can hold one)."""
    if codec == "utf-8":
        return data.count("\ufffd".encode())
    return 0


def _lossy_notice(bad: int, codec: str) -> str:
    unit = "byte sequence" if bad == 1 else "byte sequences"
    return f"{bad} {unit} could not be read as {codec} and show as \ufffd"


def _decode(data: bytes) -> Decoded | None:
    """The text with its codec and notices, or None when nothing fits."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            label = "utf-8-sig" if codec == "utf-8" else codec
            body = data[len(bom) :]
            try:
                return Decoded(body.decode(codec), label)
            except UnicodeDecodeError:
                text, bad = _lossy(body, codec)
                if bad > max(1, len(text) * _MAX_BAD_SHARE):
                    return None
                return Decoded(text, label, (_lossy_notice(bad, label),))
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        return None if utf16 is None else Decoded(*utf16)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    legacy = _legacy_chinese(data)
    if legacy is not None:
        text, codec = legacy
        # A UTF-8 file with a few damaged bytes (cut short, a stray Latin-1 byte) still
        # reads as UTF-8 far better than as the mojibake a legacy codec makes of it.
        utf8, bad = _lossy(data, "utf-8")
        if bad <= max(1, len(utf8) * _MAX_BAD_SHARE) and _common_score(utf8[:_SCORE_SAMPLE]) > 3 * bad + (
            _common_score(text[:_SCORE_SAMPLE])
        ):
            return Decoded(utf8, "utf-8", (_lossy_notice(bad, "utf-8"),))
        return Decoded(text, codec)
    # Nothing decodes strictly: take the codec that loses least, if it loses little.
    best: tuple[int, str, str, int] | None = None
    for codec in ("utf-8", "gb18030", "big5"):
        text, bad = _lossy(data, codec)
        score = _common_score(text[:_SCORE_SAMPLE]) - 3 * bad
        if best is None or score > best[0]:
            best = (score, text, codec, bad)
    assert best is not None
    _, text, codec, bad = best
    if bad > max(1, len(text) * _MAX_BAD_SHARE):
        return None
    return Decoded(text, codec, (_lossy_notice(bad, codec),))


def decode_article_bytes(data: bytes, *, name: str = "the file") -> Decoded:
    """Decode an article file's bytes, say which codec read them, normalise newlines to `\\n`.

    Vertical tabs, form feeds, NEL and the Unicode line/paragraph separators become
    newlines too: they separate lines in the files that use them. A few undecodable
    byte sequences become U+FFFD with a notice; binary data or text that decodes under
    no encoding raises ArticleError ("<name> is not text …").
    """
    kind = _binary_kind(data)
    if kind is not None:
        raise ArticleError(f"{name} is not text: it is {kind}")
    decoded = _decode(data)
    if decoded is None or not _is_texty(decoded.text):
        raise ArticleError(f"{name} is not text (binary data or an unknown encoding)")
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n").translate(_NEWLINES)
    return Decoded(text, decoded.encoding, decoded.notices)


def decode_bytes(data: bytes, *, name: str = "the file") -> str:
    """The text of `decode_article_bytes`, for callers that need only the text."""
    return decode_article_bytes(data, name=name).text
