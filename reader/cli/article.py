"""`reader officials` and `reader render`: the commands on one article file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader.cli.common import fail, load, load_settings
from reader.cli.parsing import Parser, add_config_option, bounded_int
from reader.measure import DEFAULT_MEASURE, MAX_RENDER_WIDTH, MIN_RENDER_WIDTH


def _officials_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="reader officials",
        description="List the officials an article mentions, with posts and mentions.",
    )
    parser.add_argument("path", help="an article file")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    add_config_option(parser)  # taken by every command; nothing of it changes this report
    return parser


def _render_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="reader render",
        description="Print an article laid out exactly as the reading view lays it out, as plain text.",
    )
    parser.add_argument("path", help="an article file")
    parser.add_argument(
        "--width",
        type=bounded_int("width", MIN_RENDER_WIDTH, MAX_RENDER_WIDTH),
        default=DEFAULT_MEASURE,
        help=(
            f"content width in terminal cells, {MIN_RENDER_WIDTH} to {MAX_RENDER_WIDTH} "
            f"(default {DEFAULT_MEASURE})"
        ),
    )
    parser.add_argument("--body", action="store_true", help="only the body paragraphs, one blank line apart")
    punctuation = parser.add_mutually_exclusive_group()
    punctuation.add_argument(
        "--typeset",
        dest="punctuation",
        action="store_const",
        const="typeset",
        help="half-width , ; : ( ) ? ! in Chinese text shown full-width (default unless config.yaml says)",
    )
    punctuation.add_argument(
        "--as-printed",
        dest="punctuation",
        action="store_const",
        const="as-printed",
        help="the file's own punctuation, as printed",
    )
    parser.add_argument(
        "--ambiguous-width",
        type=int,
        choices=(1, 2),
        default=None,
        help="cells a terminal gives “ ” — … · (default: config.yaml's ambiguous_width, else 1)",
    )
    add_config_option(parser)
    return parser


def run_officials(argv: Sequence[str]) -> int:
    """`reader officials`: print the extractor's report in the chosen format."""
    from reader.officials import extract_officials
    from reader.officials.export import report_to_csv, report_to_json, report_to_table
    from reader.officials.lexicon import overlay_problem

    args = _officials_parser().parse_args(argv)
    load_settings(args.config)  # a --config that does not exist is the same error everywhere
    article = load(args.path)
    report = extract_officials(article.paragraphs, title=article.title if article.title_printed else None)
    if (problem := overlay_problem()) is not None:
        fail(problem)  # a warning: the bundled lexicon was used
    if args.format == "json":
        text = report_to_json(article, report)
    elif args.format == "csv":
        text = report_to_csv(article, report)
    else:
        text = report_to_table(article, report)
    sys.stdout.write(text)
    return 0


def run_render(argv: Sequence[str]) -> int:
    """`reader render`: the reading view's layout as plain text."""
    from reader.layout import Typesetting, render_plain

    args = _render_parser().parse_args(argv)
    config = load_settings(args.config)
    article = load(args.path)
    # What the reading view would show: the config's settings, unless a flag says
    # otherwise. The terminal is not asked here (the output is usually a pipe).
    setting = Typesetting(
        typeset=(args.punctuation or config.punctuation) == "typeset",
        ambiguous=args.ambiguous_width or config.ambiguous_width or 1,
    )
    sys.stdout.write(render_plain(article, args.width, body_only=args.body, setting=setting))
    return 0
