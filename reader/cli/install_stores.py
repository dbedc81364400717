"""`python -m reader.cli.install_stores`: the compile stores of the very first start, written by
`make` at install, beside the package's .pyc files (`locations.install_stores_dir`).

Why: a start compiles reader's regular expressions (~30 ms of CJK character classes) and
parses the bundled themes' YAML (~15 ms, the parser's import) on the way to its first frame,
unless the cache folder holds what an earlier start made of them (`reader.compiled`,
`reader.theme_files`). The very first start on a machine has no such cache; Python's own
answer to the same cost is to compile .pyc files at install, and this is the same for
reader's patterns and themes: the install imports every module, compiles every pattern they
declare, reads and lays out the bundled articles as a start does, and keeps what that
compiled. A start whose cache folder has a store of its own reads that one instead; nothing
but this command writes the install's stores, and a store of another Python, or a damaged
one, is ignored (the start compiles as before).

Best effort: an install folder that cannot be written (a system site-packages) only means
the first start compiles, as without it. The exit status is 0 either way; one line says
what was kept.
"""

from __future__ import annotations

import os
import pkgutil
import sys
from contextlib import suppress
from importlib import import_module


def _import_all() -> int:
    """Import every module of reader (each declares its patterns at import); how many."""
    import reader

    count = 0
    for module in pkgutil.walk_packages(reader.__path__, "reader."):
        if module.name.endswith("__main__") or module.name == __name__:
            continue
        with suppress(ImportError):
            import_module(module.name)
            count += 1
    return count


def _read_bundled() -> int:
    """Read, lay out and look for officials in the bundled articles, as a start and its
    sidebar do: the patterns their texts reach are compiled on the way."""
    from reader.layout import Typesetting, render_plain
    from reader.loaders import load_article
    from reader.locations import bundled_articles_dir
    from reader.officials import extract_officials

    count = 0
    for path in sorted(bundled_articles_dir().glob("*")):
        if path.suffix not in (".txt", ".md") or not path.is_file():
            continue
        with suppress(Exception):  # a bundled file the loaders refuse still leaves the rest
            article = load_article(path)
            for typeset in (True, False):
                render_plain(article, 80, setting=Typesetting(typeset=typeset, ambiguous=1))
            extract_officials(article.paragraphs)
            count += 1
    return count


def main() -> int:
    from reader import compiled

    compiled.start_install_store()  # nothing from this user's cache: only what the install compiles
    from reader import lazy, locations  # imported after: the modules below compile at import
    from reader.theme_files import install_themes

    modules = _import_all()
    patterns = lazy.compile_all_lazy()
    articles = _read_bundled()
    folder = locations.install_stores_dir()
    try:
        os.makedirs(folder, exist_ok=True)
        themes = install_themes()  # first: checking the themes compiles a pattern of colours
        kept = compiled.save_install_store()
    except OSError as error:
        print(f"reader: no compile stores kept at install ({error.strerror or error})", file=sys.stderr)
        return 0
    print(
        f"reader: compile stores kept in {folder}: {kept} patterns ({modules} modules, "
        f"{patterns} lazy patterns, {articles} bundled articles read), {themes} themes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
