"""Who's who: the persons of a library, their careers and the appointments the text states.

Core code: no Textual. One module a job —
`model` (records, mentions, persons), `places` (where a post is held), `events` (任免 read
from the text), `records` (one article's contribution), `grouping` (mentions into
persons), `careers` (posts and events in order), `overrides` (the user's merge and split
choices, in the state folder), `store` (the tables in the index database), `build` (the
incremental refresh), `query` (what the CLI and the UI ask), `export` (JSON, CSV, table),
`library` (the one tie to the library index).
"""
