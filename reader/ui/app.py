"""The reader app: the terminal, the themes, the keys and the help; the reading is a screen.

The app starts the reader screen (`reader.ui.screens.reader`) as its default screen,
which shows the library and the article and does everything the user reads. What
stays here is what belongs to the whole terminal session: the user's config and keymap
(every binding has an id from `reader.ui.keymap`), the themes (registered before the
stylesheet is read, cycled with `t` and remembered by `reader.preferences`), the help
screen, and the notifications (recorded in `notified`, so tests and scripts can read
what the user was told).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual._compositor import LayoutUpdate
from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from reader.article import Article
from reader.config import Config
from reader.layout import use_rich_ambiguous_width
from reader.preferences import Preferences, save_preferences
from reader.reading import ReadingSession
from reader.textsafety import inert_line
from reader.theme_files import ThemeSpec
from reader.ui.early_frame import FrameRecorder
from reader.ui.keymap import bindings_for, build_keymap
from reader.ui.readiness import Readiness
from reader.ui.screens.reader import ReaderScreen
from reader.ui.themes import to_textual_theme
from reader.ui.widgets.library_table import LibraryTable
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.reading_view import ReadingView

if TYPE_CHECKING:
    from rich.console import RenderableType

    from reader.library.first_rows import FirstRows

NOTIFIED_KEPT = 200
"""Notifications `notified` remembers (the oldest are dropped)."""


@dataclass(frozen=True, slots=True)
class Notice:
    """One notification as the user saw it."""

    message: str
    severity: SeverityLevel


class ReaderApp(App[None]):
    """A terminal reader for Chinese news that shows who is who."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = bindings_for("app")
    """Every app-wide key, with its id (`app.*`), so config.yaml's keymap can move it."""

    def __init__(
        self,
        *,
        library: Path,
        open_file: Path | None = None,
        theme_specs: dict[str, ThemeSpec] | None = None,
        theme_name: str | None = None,
        config: Config | None = None,
        notices: Sequence[str] = (),
        after_first_frame: Callable[[], None] | None = None,
        ambiguous_width: int | None = None,
        early_frame: FrameRecorder | None = None,
        first_rows: FirstRows | None = None,
    ) -> None:
        """`notices`: one-line warnings gathered before the app started (config, themes),
        shown as notifications once it is on screen, since the terminal's stderr is hidden.
        `after_first_frame` is called once the first frame is drawn (the CLI turns the
        garbage collector back on there). `ambiguous_width`: the cells the terminal gives
        `“ ” — …` (the CLI asks it), else the config's, else 1. `early_frame`: records the
        first full frame for the next start (`reader.ui.early_frame`). `first_rows`: the
        first files of a library never indexed, being read by the CLI's child
        (`reader.library.first_rows`)."""
        super().__init__()
        # Rich, and so Textual and the reading view's layout, measure with the terminal's
        # width for ambiguous characters from the first frame on (undone on unmount).
        use_rich_ambiguous_width(ambiguous_width or (config.ambiguous_width if config else None) or 1)
        self._after_first_frame = after_first_frame
        self._frame_recorder = early_frame
        self.first_frame_drawn = False
        """Whether Textual has drawn a full frame (the CLI leaves the screen itself if not)."""
        self.library = library
        self.open_file = open_file
        self._theme_specs = theme_specs or {}
        self.config = config or Config()
        self.keymap, keymap_warnings = build_keymap(self.config.keymap)
        """The checked keymap in force (binding id -> keys); the help screen shows it."""
        self._notices = [*notices, *keymap_warnings]
        self.ready = Readiness()
        """Set as the library, the officials and the layout reach the screen (see Readiness)."""
        self.notified: deque[Notice] = deque(maxlen=NOTIFIED_KEPT)
        """Every notification shown, oldest first."""
        # Themes are set before the stylesheet is first read: choosing one after mount
        # would parse the whole stylesheet a second time on the way to the first paint.
        for spec in self._theme_specs.values():
            self.register_theme(to_textual_theme(spec))
        if theme_name in self.available_themes:
            self._set_start_theme(theme_name)
        if self.theme in self._theme_specs:
            # Only reader's themes are offered (the palette, Textual's "Theme" command, `t`):
            # they carry reader's colour variables, and a theme chosen here is one that
            # --theme, config.yaml and ui.json accept, checked by the CLI without Textual.
            for name in [name for name in self.available_themes if name not in self._theme_specs]:
                self.unregister_theme(name)
        self._start_theme: str | None = self.theme
        self.reader = ReaderScreen(
            library=library,
            open_file=open_file,
            config=self.config,
            notices=self._notices,
            ready=self.ready,
            first_rows=first_rows,
        )
        """The screen everything is read on (the app's default screen)."""

    def _set_start_theme(self, name: str) -> None:
        """`self.theme = name` before the app runs, without a second parse of the stylesheet.

        Textual's watcher (`App._watch_theme`) queues a `refresh_css`, which parses every
        rule again and restyles every widget on the way to the first frame (15-30 ms),
        because it cannot tell that the stylesheet has not been read yet. Here it has not:
        the value is set without the watcher, and what the watcher does besides is done
        now, so the first read of the stylesheet already has the theme's variables. No
        `theme_changed_signal` is sent for it: the start-up theme is never remembered."""
        self.set_reactive(App.theme, name)
        theme = self.current_theme
        classes = {cls: False for cls in self.classes if cls.startswith("-theme-")}
        classes[f"-theme-{theme.name}"] = True
        classes.update({"-dark-mode": theme.dark, "-light-mode": not theme.dark})
        self.update_classes(classes, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        """Textual's display, and the first full update kept as the next start's early frame.

        The first `LayoutUpdate` (the compositor's full frame) of the app's own screen is
        what Textual writes first; rendered with the app's console it is the exact text
        written (Strip caches what it renders, so writing it costs nothing twice). Headless
        (the renderer of `reader.cli.next_frame`), Textual writes nothing, but the frame is
        rendered and recorded all the same."""
        recorder = self._frame_recorder
        if (
            recorder is not None
            and isinstance(renderable, LayoutUpdate)
            and screen is self.reader
            and not self._batch_count
        ):
            self._frame_recorder = None
            frame = renderable.render_segments(self.console)
            super()._display(screen, renderable)
            self.first_frame_drawn = True
            article = self.reader.reading.article
            path = article.path if article is not None else None
            self.call_later(recorder.record, frame, self.library, path)
            return
        if isinstance(renderable, LayoutUpdate):
            self.first_frame_drawn = True
        super()._display(screen, renderable)

    def get_default_screen(self) -> Screen[None]:
        return self.reader

    @property
    def reading(self) -> ReadingSession:
        """What is being read: the article, its officials, the trails (the reader screen's)."""
        return self.reader.reading

    @property
    def article(self) -> Article | None:
        """The article open in the reader screen."""
        return self.reader.reading.article

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Fallbacks so Textual's own themes work too; reader's themes set these.
        return {
            "reader-cursor": "#8080802a",
            "reader-cursor-bar": "#ffa62b",
            "reader-mention": "#4ebf71",
            "reader-mention-selected": "#ffa62b55",
            "reader-meta": "#9e9e9e",
            "reader-search-match": "#6a5acd80",
        }

    def on_mount(self) -> None:
        # Subscribed after the first theme is set (which sends no signal, see
        # _set_start_theme; the handler would skip it too): only a theme the user picks
        # is remembered.
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.keymap:
            self.set_keymap(self.keymap)
        if self._after_first_frame is not None:
            self.call_after_refresh(self._after_first_frame)

    def on_unmount(self) -> None:
        use_rich_ambiguous_width(1)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notification, remembered in `notified` as the user reads it."""
        self.notified.append(Notice(str(message), severity))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def action_help(self) -> None:
        """The keys of the focused pane, then the global ones, as remapped by the config."""
        from reader.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        scopes = {ReadingView: "reader", LibraryTable: "list", OfficialsPanel: "officials"}
        scope = next((name for kind, name in scopes.items() if isinstance(self.focused, kind)), None)
        # The People screen and the person view by name: their modules load when first opened.
        scope = {"PeopleScreen": "people", "PersonScreen": "person"}.get(type(self.screen).__name__, scope)
        self.push_screen(HelpScreen(scope, self.keymap))

    # -- themes -------------------------------------------------------------------------

    def _theme_cycle(self) -> list[str]:
        """reader's own themes (bundled and the user's), else every theme Textual has."""
        names = sorted(name for name in self._theme_specs if name in self.available_themes)
        return names or sorted(self.available_themes)

    def action_next_theme(self) -> None:
        cycle = self._theme_cycle()
        following = cycle[(cycle.index(self.theme) + 1) % len(cycle)] if self.theme in cycle else cycle[0]
        self.theme = following

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name == self._start_theme:
            self._start_theme = None  # the start-up theme's own signal: nothing to remember
            return
        self._start_theme = None
        try:
            save_preferences(Preferences(theme=theme.name))
        except OSError as error:
            message = f"Theme {theme.name} not remembered: {error.strerror}"
            self.notify(inert_line(message), severity="warning", markup=False)
            return
        note = f"Theme: {theme.name}"
        if self.config.theme and self.config.theme != theme.name:
            source = self.config.path.name if self.config.path else "config.yaml"
            note += f" ({source}'s theme: {self.config.theme} applies at start)"
        self.notify(inert_line(note), timeout=3, markup=False)
