"""Records to JSON and back: the store persists each record as its JSON form.

:func:`lagebild.model.to_json` writes; :func:`from_json` reads a dict back into the dataclass,
following the field types (nested records, tuples, optionals), so a record survives a round trip
through SQLite unchanged.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from typing import Any, TypeVar, get_args, get_origin

from lagebild import model

T = TypeVar("T")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        for option in options:
            if dataclasses.is_dataclass(option) and isinstance(value, dict):
                return from_json(option, value)
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], item) for item in value)
        if args:
            return tuple(_convert(arg, item) for arg, item in zip(args, value))
        return tuple(value)
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return from_json(tp, value)
    return value


def from_json(cls: type[T], data: dict[str, Any]) -> T:
    """The record of type ``cls`` that :func:`lagebild.model.to_json` turned into ``data``.

    Unknown keys are ignored, so a newer store's extra fields do not break an older reader.
    """
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def dumps(record: Any) -> str:
    return json.dumps(model.to_json(record), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    return from_json(cls, json.loads(text))
