"""`reader add`: a web page or a saved .html file kept as Markdown in reader's inbox."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.cli.common import UsageError, load_settings
from reader.cli.parsing import Parser, add_config_option


def _add_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="reader add",
        description="Fetch a web page once (or read a saved .html file), extract its article and keep it "
        "as Markdown in reader's inbox (`reader locate inbox`); prints the file's path.",
    )
    parser.add_argument("target", help="an http(s) URL, or a saved page (.html, .htm, .shtml)")
    add_config_option(parser)  # taken by every command; nothing of it changes what is added
    return parser


def run_add(argv: Sequence[str]) -> int:
    """`reader add URL|FILE.html`: the article goes to the inbox; a failure is one line, status 2."""
    from reader import locations
    from reader.inbox import InboxError, add_page, already_added, fetch, is_url

    args = _add_parser().parse_args(argv)
    load_settings(args.config)
    target = args.target
    try:
        if is_url(target):
            url = target.strip()
            before = already_added(locations.inbox_dir(), url)
            if before is not None:
                print(f"already in the inbox: {before.path}", file=sys.stderr)
                print(before.path)
                return 0
            data, name = fetch(url), url
        else:
            path = _existing_file(target)
            try:
                data = path.read_bytes()
            except OSError as error:
                raise UsageError(f"{target}: cannot read ({error.strerror or error})") from None
            url, name = None, str(path)
        added = add_page(data, inbox=locations.inbox_dir(), url=url, name=name)
    except InboxError as error:
        raise UsageError(str(error)) from None
    if added.existing:
        print(f"already in the inbox: {added.path}", file=sys.stderr)
    print(added.path)
    return 0


def _existing_file(raw: str) -> Path:
    """A path that names a regular file, else a one-line UsageError."""
    path = Path(raw)
    if path.is_dir():
        raise UsageError(f"{raw}: is a folder; give a saved page or a URL")
    if not path.is_file():
        raise UsageError(
            f"{raw}: no such file (give a saved page, or a URL starting with http:// or https://)"
        )
    return path
