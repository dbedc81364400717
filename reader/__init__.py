"""reader: a terminal reader for Chinese news that knows who is who."""

__version__ = "0.1.0"
