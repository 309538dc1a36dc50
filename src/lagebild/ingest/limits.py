"""The size limit on one input (a file, an upload, one record of a container) and its messages.

The limit protects memory and time: trafilatura and the later stages hold a document several
times over. Containers that are streamed (WARC, JSON Lines) apply it to each record, not to the
whole archive.
"""

from __future__ import annotations

import os
import re
import warnings

# 20 MB: far above any news article (HTML pages with inline scripts reach 1-3 MB), low enough that
# a mistaken video or database dump is refused before it is read.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ENV_VAR = "LAGEBILD_MAX_BYTES"

_MB = 1024 * 1024
_KB = 1024
_UNITS = {
    "": 1,
    "b": 1,
    "k": _KB,
    "kb": _KB,
    "kib": _KB,
    "m": _MB,
    "mb": _MB,
    "mib": _MB,
    "g": 1024 * _MB,
    "gb": 1024 * _MB,
    "gib": 1024 * _MB,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*\Z")


def resolve_max_bytes(max_bytes: int | None) -> int:
    """The limit in force: the argument, else ``$LAGEBILD_MAX_BYTES`` (``"50M"``), else 20 MB."""
    if max_bytes is not None:
        return max(int(max_bytes), 0)
    raw = os.environ.get(ENV_VAR)
    if raw:
        parsed = parse_size(raw)
        if parsed is not None:
            return parsed
        warnings.warn(
            f"{ENV_VAR}={raw!r} is not a size (use bytes or e.g. 50M); using the default "
            f"{human_size(DEFAULT_MAX_BYTES)}",
            stacklevel=3,
        )
    return DEFAULT_MAX_BYTES


def parse_size(text: str) -> int | None:
    """``"52428800"``, ``"50M"``, ``"50 MB"``, ``"1.5G"`` in bytes; None if not a size."""
    match = _SIZE.match(text)
    if not match or match.group(2).lower() not in _UNITS:
        return None
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def human_size(size: int) -> str:
    """``52.4 MB``, ``20 MB``, ``800 KB``, ``512 bytes`` (MB = 2**20 bytes, as the limit is set)."""
    if size >= _MB:
        value = f"{size / _MB:.1f}".removesuffix(".0")
        return f"{value} MB"
    if size >= _KB:
        value = f"{size / _KB:.1f}".removesuffix(".0")
        return f"{value} KB"
    return f"{size} bytes"


def too_large(what: str, size: int, limit: int) -> str:
    """The reason for refusing an input over the limit, with how to raise it."""
    return (
        f"{what} is {human_size(size)}, over the {human_size(limit)} limit "
        f"(set {ENV_VAR} to raise it)"
    )
