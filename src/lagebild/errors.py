"""One exception tree for the whole library. Every message says what to do next.

::

    LagebildError
    ├── InputError                 a source could not be read or understood
    │   ├── UnreadableInput        missing path, permissions, I/O errors
    │   ├── UnsupportedInput       binary or unknown format
    │   ├── EmptyInput             nothing but whitespace, or no article text
    │   ├── TooLargeInput          over the configured size limit (LAGEBILD_MAX_BYTES)
    │   ├── EncodingInputError     bytes that decode in no supported encoding
    │   └── MalformedInput         a container (JSON Lines, WARC, gzip, feed) is broken
    ├── StoreError                 the database cannot be opened, migrated or written
    │   └── SchemaVersionError     the database was written by a newer Lagebild
    ├── NotFound                   a document, story or entity id that the store does not hold
    ├── ModelError                 a shipped model is missing or cannot be loaded
    └── MissingExtra               an optional feature's packages are not installed

Ingest never lets an :class:`InputError` end a batch: it becomes a
:class:`lagebild.model.Rejection` with the source and the message, stored and reported.
"""

from __future__ import annotations


class LagebildError(Exception):
    """Base of every error Lagebild raises on purpose."""


class InputError(LagebildError):
    """A source could not be ingested; the message names the reason."""


class UnreadableInput(InputError):
    pass


class UnsupportedInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class TooLargeInput(InputError):
    pass


class EncodingInputError(InputError):
    pass


class MalformedInput(InputError):
    pass


class StoreError(LagebildError):
    pass


class SchemaVersionError(StoreError):
    pass


class NotFound(LagebildError):
    pass


class ModelError(LagebildError):
    pass


class MissingExtra(LagebildError):
    """An optional extra is not installed; the message carries the pip command."""

    def __init__(self, feature: str, extra: str):
        super().__init__(
            f"{feature} needs the optional extra [{extra}]: pip install 'lagebild[{extra}]'"
        )
        self.feature = feature
        self.extra = extra
