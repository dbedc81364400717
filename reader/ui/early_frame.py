"""The early frame: reader's first screen on the terminal before Textual is even imported.

Importing Textual and building the first frame take most of a start (~250 ms of ~300 on
a busy machine); the first screen itself depends only on what the start reads. So the
first full screen update Textual writes (`ReaderApp._display`, the compositor's first
`LayoutUpdate`) is recorded, with every input that could change it, and the next start
whose inputs all match writes that frame at once: the alternate screen, echo off, the
frame (`show`). Textual then starts and paints its own first frame over an identical
one: no blank screen and no flicker between them.

What a frame is keyed by (`StartInputs`, compared whole before anything is drawn):

- the context: the path given (absolute), the terminal's size, Python (version,
  executable, `sys.path`), reader's version, the environment that changes drawing
  (TERM, COLORTERM, NO_COLOR, locale, TEXTUAL_*, READER_*, XDG_*);
- the content of the config file and of the state folder's files (the remembered
  article and theme), as SHA-256 (a file over `CONTENT_LIMIT`: its stat);
- the rows the first frame shows from the library's index (a digest of its head, read
  as the reader screen reads it: the index file itself is written by starts that
  change nothing in it);
- the stat (mtime, size, inode) of: the user's theme files, the path given, and, added
  once the frame is drawn (they are
  known then and reader never writes them), every module file the process loaded from
  outside the standard library (reader, Textual, Rich…), reader's data files and
  bundled themes, the library folder and the article shown.

A recorded frame is untrusted input: `check_frame` accepts plain text, cursor
positioning (CUP) and SGR sequences only, so no text of an article can become a
terminal escape; anything else refuses the whole frame. Records are written
atomically in the cache folder (`locations.early_frames_dir`), one file per context.

Textual-free: the CLI calls it before Textual is imported; the app gives it the frame.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader import __version__, locations
from reader.compiled import compile_pattern

__all__ = [
    "FrameRecorder",
    "Shown",
    "StartInputs",
    "check_frame",
    "load_frame",
    "show",
]

VERSION = 1
"""The record's format; a record of another version is never drawn."""
CONTENT_LIMIT = 1 << 20
"""Files keyed by content up to this size; a bigger one by its stat."""
MAX_RECORD_BYTES = 4 << 20
"""A record bigger than this is not read."""
ENV_NAMES = frozenset(
    {
        "TERM",
        "COLORTERM",
        "NO_COLOR",
        "FORCE_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "LANG",
        "LANGUAGE",
        "TERM_PROGRAM",
        "TERM_PROGRAM_VERSION",
        "VTE_VERSION",
        "COLUMNS",
        "LINES",
        "HOME",
        "PYTHONPATH",
    }
)
ENV_PREFIXES = ("TEXTUAL", "READER_", "XDG_", "LC_")

Signature = list[Any]
"""What a file's check compares: JSON-able, `["missing"]` for no file."""

_ALLOWED_ESCAPES = compile_pattern(r"\x1b\[[0-9]{1,5};[0-9]{1,5}H|\x1b\[[0-9;]{0,80}m")
"""CUP (`ESC [ row ; column H`) and SGR (`ESC [ … m`): all a frame may hold besides text."""
_FORBIDDEN = compile_pattern(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""After the allowed escapes are taken out: any control (newline apart), bidi control or lone
surrogate refuses the frame. A lone ESC left over (a sequence not allowed) is a control."""


def check_frame(frame: str) -> bool:
    """Whether `frame` is only text, newlines, CUP and SGR: safe to write to the terminal."""
    if not frame:
        return False
    return _FORBIDDEN.search(_ALLOWED_ESCAPES.sub("", frame)) is None


# -- what a start depends on ---------------------------------------------------------


def stat_signature(path: str) -> Signature:
    """mtime, size and inode (a folder's mtime changes as entries come and go)."""
    try:
        st = os.stat(path)
    except OSError:
        return ["missing"]
    return ["s", st.st_mtime_ns, st.st_size, st.st_ino, st.st_mode >> 12]


def content_signature(path: str) -> Signature:
    """The SHA-256 of a small regular file; a big one's stat; `["missing"]`."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return ["missing"]
    try:
        st = os.fstat(fd)
        if not (st.st_mode >> 12 == 0o10 and st.st_size <= CONTENT_LIMIT):  # not a small regular file
            return ["s", st.st_mtime_ns, st.st_size, st.st_ino, st.st_mode >> 12]
        chunks: list[bytes] = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return ["c", hashlib.sha256(b"".join(chunks)).hexdigest()]
    except OSError:
        return ["missing"]
    finally:
        os.close(fd)


def listing_signature(path: str) -> Signature:
    """The names in a folder (not its mtime, which every atomic write of a file there changes)."""
    try:
        with os.scandir(path) as it:
            return ["l", sorted(entry.name for entry in it if not entry.name.startswith("."))]
    except OSError:
        return ["missing"]


def signature(path: str, kind: str) -> Signature:
    """`kind` "c": content, "l": a folder's names, else the stat."""
    if kind == "c":
        return content_signature(path)
    return listing_signature(path) if kind == "l" else stat_signature(path)


def _entries(folder: Path) -> list[str]:
    try:
        with os.scandir(folder) as it:
            # Not hidden ones: a write_atomic's temporary file comes and goes.
            return sorted(entry.path for entry in it if not entry.name.startswith("."))
    except OSError:
        return []


def head_signature(library: Path, around: Path | None) -> Signature:
    """A digest of the rows the first frame shows from the library's index (its head,
    `reader.library.head`, read as the reader screen reads it), `["none"]` without one.
    Not the index file's stat: a start that changes nothing in it still writes to it."""
    from reader.library.head import read_head

    try:
        head = read_head(library, around=around)
    except Exception:
        return ["error"]
    if head is None:
        return ["none"]
    text = repr((head.rows, head.from_top, head.total))
    return ["h", hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()]


def terminal_size(fd: int = 1) -> tuple[int, int] | None:
    try:
        size = os.get_terminal_size(fd)
    except OSError:
        return None
    return size.columns, size.lines


class StartInputs:
    """Everything a start's first screen is made of that can be known before it is drawn.
    (Plain classes here, not dataclasses: making one costs ~0.6 ms of the start.)"""

    __slots__ = ("context", "files", "head")

    def __init__(self, context: dict[str, Any]) -> None:
        self.context = context
        self.files: dict[str, tuple[str, Signature]] = {}
        """path -> (kind: "c" content or "s" stat, signature), as at the start."""
        self.head: list[Any] | None = None
        """[library, the article reopened or None, `head_signature` of them]: what the first
        frame shows from the library's index, as at the start (`set_library`)."""

    @classmethod
    def gather(cls, path_arg: str | None, size: tuple[int, int]) -> StartInputs:
        """The inputs of a start on `path_arg` in a terminal of `size` that can be read
        without parsing anything; the library's come with `set_library`."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key in ENV_NAMES or key.startswith(ENV_PREFIXES)
        }
        context: dict[str, Any] = {
            "version": VERSION,
            "reader": __version__,
            "python": [sys.version, sys.executable, list(sys.path)],
            "path": os.path.abspath(path_arg) if path_arg is not None else None,
            "size": list(size),
            "env": env,
        }
        inputs = cls(context)
        inputs.add(str(locations.config_file()), "c")
        state = locations.state_dir()
        inputs.add(str(state), "l")
        for path in _entries(state):
            if os.path.isfile(path):
                inputs.add(path, "c")
        themes = locations.user_themes_dir()
        inputs.add(str(themes), "l")
        for path in _entries(themes):
            inputs.add(path, "s")
        if path_arg is not None:
            inputs.add(os.path.abspath(path_arg), "s")
        return inputs

    def set_library(self, library: Path, around: Path | None) -> None:
        """The library the start opens and the article it reopens (known once the config and
        the state are read: given them, both follow from the inputs already gathered)."""
        if self.head is None:
            around_text = str(around) if around is not None else None
            self.head = [str(library), around_text, head_signature(library, around)]

    def add(self, path: str, kind: str) -> None:
        self.files[path] = (kind, signature(path, kind))

    def record_path(self) -> Path:
        digest = hashlib.sha256(json.dumps(self.context, sort_keys=True).encode("utf-8", "surrogatepass"))
        return locations.early_frames_dir() / f"{digest.hexdigest()[:24]}.json"


def load_frame(inputs: StartInputs) -> str | None:
    """The frame recorded for these inputs, if every input still matches and it is safe."""
    try:
        with open(inputs.record_path(), "rb") as file:
            data = file.read(MAX_RECORD_BYTES + 1)
        if len(data) > MAX_RECORD_BYTES:
            return None
        record = json.loads(data)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("context") != inputs.context:
        return None
    files, frame = record.get("files"), record.get("frame")
    if not isinstance(files, list) or not isinstance(frame, str):
        return None
    # Everything known at the start must be recorded as it is now (a new state file…).
    recorded = {item[0] for item in files if isinstance(item, list) and len(item) == 3}
    if any(path not in recorded for path in inputs.files):
        return None
    for item in files:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)):
            return None
        path, kind, sig = item
        now = inputs.files[path][1] if path in inputs.files else signature(path, str(kind))
        if now != sig:
            return None
    # The config, the state and the path given all match: so do the library and the article
    # reopened, and the index is read for what the first frame shows of it.
    head = record.get("head")
    if not (isinstance(head, list) and len(head) == 3 and isinstance(head[0], str)):
        return None
    if inputs.head is not None:
        if inputs.head != head:
            return None
    else:
        around = Path(head[1]) if isinstance(head[1], str) else None
        if head_signature(Path(head[0]), around) != head[2]:
            return None
        inputs.head = head
    return frame if check_frame(frame) else None


def _module_files() -> list[str]:
    """Files of the modules loaded from outside the standard library (reader, Textual, Rich…)."""
    stdlib = {os.path.normpath(p) for p in (sys.base_prefix, sys.base_exec_prefix)}
    site = [os.path.normpath(p) for p in sys.path if "site-packages" in p or "dist-packages" in p]
    found: set[str] = set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if not isinstance(path, str):
            continue
        path = os.path.normpath(path)
        if any(path.startswith(root + os.sep) for root in site) or not any(
            path.startswith(root + os.sep) for root in stdlib
        ):
            found.add(path)
    return sorted(found)


def _data_files() -> list[str]:
    """reader's own files that are not modules (stylesheet, data, bundled themes)."""
    package = Path(__file__).resolve().parents[1]
    found: list[str] = []
    for root, dirs, names in os.walk(package):
        dirs[:] = [name for name in dirs if name != "__pycache__"]
        found += [os.path.join(root, name) for name in names if not name.endswith((".py", ".pyc"))]
    themes = locations.bundled_themes_dir()
    return [*found, *_entries(themes)]


class FrameRecorder:
    """Given to the app: records its first frame under the inputs of its start."""

    def __init__(self, inputs: StartInputs, drawn: str | None = None) -> None:
        self.inputs = inputs
        self.drawn = drawn
        """The early frame this start drew: the same frame again is not written again."""
        self.recorded = False
        self.after: list[Callable[[], object]] = []
        """Called after a frame is recorded (the headless renderer exits there)."""

    def record(self, frame: str, library: Path | None, article: Path | None) -> bool:
        """Write the frame with its inputs, atomically; False when it is not one to draw."""
        try:
            if frame == self.drawn or not check_frame(frame) or self.inputs.head is None:
                return False
            files = dict(self.inputs.files)
            extra: list[tuple[str, str]] = [(path, "s") for path in (*_module_files(), *_data_files())]
            for source in (library, article):
                if source is not None:
                    extra.append((os.path.abspath(source), "s"))
            for path, kind in extra:
                if path not in files:
                    files[path] = (kind, signature(path, kind))
            record = {
                "version": VERSION,
                "context": self.inputs.context,
                "head": self.inputs.head,
                "files": [[path, kind, sig] for path, (kind, sig) in sorted(files.items())],
                "frame": frame,
            }
            from reader.files import write_atomic

            data = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogateescape")
            record_path = self.inputs.record_path()
            write_atomic(record_path, data)
            _prune_temporary(record_path.parent)
            self.recorded = True
            return True
        except (OSError, ValueError):
            return False  # a cache: a read-only or full disk only means no early frame
        finally:
            for call in self.after:
                with contextlib.suppress(Exception):
                    call()


def _prune_temporary(folder: Path, age: float = 60.0) -> None:
    """Temporary files of writes that a killed process never finished."""
    import time

    limit = time.time() - age
    with contextlib.suppress(OSError), os.scandir(folder) as it:
        for entry in it:
            if entry.name.startswith(".") and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < limit:
                        os.unlink(entry.path)


# -- drawing it ----------------------------------------------------------------------

ENTER = "\x1b[?1049h\x1b[?25l\x1b[?7l\x1b[?2026h"
"""The alternate screen, the cursor hidden, no line wrap (as Textual sets them), in a
synchronised update where the terminal has them."""
LEAVE = "\x1b[0m\x1b[?7h\x1b[?25h\x1b[?1049l"
"""Back to the normal screen, for a start that never reached Textual's own."""


class Shown:
    """An early frame on the terminal: the attributes to give back when reader ends."""

    def __init__(self, fd: int, saved: list[Any] | None) -> None:
        self.fd = fd
        self.saved = saved

    def quiet(self) -> None:
        """Echo off (again: the ambiguous-width probe restores what it found)."""
        if self.saved is None:
            return
        import termios

        with contextlib.suppress(OSError, termios.error):
            attrs = termios.tcgetattr(self.fd)
            attrs[3] &= ~termios.ECHO
            termios.tcsetattr(self.fd, termios.TCSANOW, attrs)

    def restore(self, leave_screen: bool) -> None:
        """The terminal's attributes as they were (Textual restores the ones it found: ours);
        `leave_screen`: Textual never took the screen over, so leave the alternate screen."""
        if leave_screen:
            with contextlib.suppress(OSError):
                _write_all(1, LEAVE.encode())
        if self.saved is None:
            return
        import termios

        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def terminal_attrs(fd: int = 0) -> list[Any] | None:
    """The terminal's attributes (termios), to give back when reader ends; None: no terminal."""
    try:
        import termios

        return termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError):
        return None
    except Exception:  # termios.error
        return None


def show(frame: str, saved: list[Any] | None, fd_in: int = 0, fd_out: int = 1) -> Shown | None:
    """Write `frame` (checked again) on the alternate screen with echo off; None if not drawn.
    `saved`: the attributes to restore at the end (taken before anything changed them)."""
    if not check_frame(frame):
        return None
    shown = Shown(fd_in, saved)
    shown.quiet()
    try:
        sys.stdout.flush()
        _write_all(fd_out, (ENTER + frame + "\x1b[0m\x1b[?2026l").encode("utf-8"))
    except (OSError, ValueError, UnicodeError):
        shown.restore(leave_screen=True)
        return None
    return shown


def usable_terminal() -> bool:
    """stdin and stdout are the terminal, which is not `dumb`, and speaks UTF-8."""
    if os.environ.get("TERM", "dumb") == "dumb":
        return False
    try:
        return (
            sys.stdin.isatty()
            and sys.stdout.isatty()
            and (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
        )
    except (AttributeError, ValueError, OSError):
        return False


