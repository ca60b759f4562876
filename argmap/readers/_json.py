"""JSON with places: parse once, then point errors at ``path:line:col`` and a JSON path.

The standard library's decoder forgets where each value came from. Readers of JSON
formats (AIF, argmap JSON) need that to report ``nodes[3].type`` at its line, and to
give claims a line for findings. The pure-Python scanner lets the decoder's
``parse_object`` and ``parse_array`` be wrapped, so each container records its offset;
duplicate keys, which ``json`` would silently collapse, are refused on the way.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

from argmap.errors import MapError
from argmap.limits import MAX_DEPTH
from argmap.model import did_you_mean
from argmap.readers._lines import LineIndex

__all__ = ["JsonDoc", "Trail", "format_trail", "load_json", "validate"]

Trail = Sequence[str | int]
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class _NotReadable(Exception):
    """A token Python's decoder takes but argmap must not: ``NaN``, ``Infinity``, a whole number too long to convert."""

    def __init__(self, message: str, token: str) -> None:
        super().__init__(message)
        self.token = token


def _constant(name: str) -> float:
    raise _NotReadable(f"{name} is not a JSON number (JSON has no NaN or Infinity): write a number or null", name)


def _integer(digits: str) -> int:
    try:
        return int(digits)
    except ValueError:  # over the interpreter's limit on digits (4,300 by default)
        message = f"a whole number of {len(digits.lstrip('-'))} digits is too long to read"
        raise _NotReadable(message, digits) from None


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|(NaN|-?Infinity)|(-?\d+)(?![.eE\d])')
"""Strings (skipped) and the tokens :class:`_NotReadable` is raised for, to find the first again."""


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def format_trail(trail: Trail) -> str:
    """A JSON path as people write it: ``nodes[3].type``, ``claims["odd key"]``."""
    out = ""
    for step in trail:
        if isinstance(step, int):
            out += f"[{step}]"
        elif _NAME.match(step):
            out += f".{step}" if out else step
        else:
            # A lone surrogate is written as its \u escape: raw, it could not be printed or saved.
            out += f"[{json.dumps(step, ensure_ascii=bool(_SURROGATE.search(step)))}]"
    return out or "the document"


class JsonDoc:
    """Parsed JSON that remembers the offset of every object and array."""

    def __init__(self, text: str, path: str | None) -> None:
        self.text = text
        self.path = path
        self._offsets: dict[int, tuple[int, object]] = {}
        self._depth = 0
        self._max_depth = MAX_DEPTH.value(path)
        decoder = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_integer)
        decoder.parse_object = self._wrap(json.decoder.JSONObject)  # type: ignore[attr-defined]
        decoder.parse_array = self._wrap(json.decoder.JSONArray)  # type: ignore[attr-defined]
        decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
        self.data = self._decode(decoder)
        if _SURROGATE_ESCAPE.search(text):
            self._refuse_lone_surrogates()

    def _refuse_lone_surrogates(self) -> None:
        """A ``\\ud800`` escape without its pair is no character: it could not be printed or saved."""
        stack: list[tuple[list[str | int], Any]] = [([], self.data)]
        while stack:
            trail, value = stack.pop()
            items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
            for key, item in items:
                if (isinstance(key, str) and _SURROGATE.search(key)) or (
                    isinstance(item, str) and _SURROGATE.search(item)
                ):
                    raise self.error(
                        [*trail, key],
                        "holds half of a UTF-16 surrogate pair (a \\ud800 to \\udfff escape alone), which is no character",
                    )
                stack.append(([*trail, key], item))

    def _wrap(self, parse):
        def recorded(s_and_end, *args):
            start = s_and_end[1] - 1
            self._depth += 1
            if self._depth > self._max_depth:  # the decoder recurses once per level
                raise MAX_DEPTH.error("the JSON nests deeper here", self.path, *self.position(start))
            try:
                value, end = parse(s_and_end, *args)
            except _DuplicateKey as dup:
                line, col = self.position(start)
                raise MapError(f"duplicate key '{dup.key}' in this object", self.path, line, col) from None
            self._depth -= 1
            self._offsets[id(value)] = (start, value)
            return value, end

        return recorded

    def _decode(self, decoder: json.JSONDecoder) -> Any:
        try:
            return decoder.decode(self.text)
        except json.JSONDecodeError as exc:
            raise MapError(f"malformed JSON: {exc.msg}", self.path, exc.lineno, exc.colno) from None
        except RecursionError:
            raise MapError("the JSON is nested too deeply to read", self.path, 1, 1) from None
        except _NotReadable as exc:
            raise MapError(str(exc), self.path, *self.position(self._offset_of(exc.token))) from None

    def _offset_of(self, token: str) -> int:
        """Where the first ``token`` (a constant or a whole number) outside a string is; 0 if nowhere."""
        for match in _TOKEN.finditer(self.text):
            if token in (match[1], match[2]):
                return match.start()
        return 0

    @cached_property
    def _lines(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        return self._lines.position(offset)

    def where(self, trail: Trail) -> tuple[int, int]:
        """Line and column of the innermost object or array on the trail (0, 0 if none)."""
        found = (0, 0)
        value: Any = self.data
        for step in [None, *trail]:
            if step is not None:
                try:
                    value = value[step]
                except (KeyError, IndexError, TypeError):
                    break
            if isinstance(value, (dict, list)) and id(value) in self._offsets:
                found = self.position(self._offsets[id(value)][0])
        return found

    def line_of(self, value: object) -> int:
        """The line where an object or array of this document starts (0 if unknown)."""
        entry = self._offsets.get(id(value))
        return self.position(entry[0])[0] if entry and entry[1] is value else 0

    def error(self, trail: Trail, message: str) -> MapError:
        """A :class:`MapError` naming the JSON path, at the line of its object (the first line for the document)."""
        line, col = self.where(trail)
        return MapError(f"{format_trail(trail)}: {message}", self.path, line or 1, col or 1)


def load_json(text: str, path: str | None = None) -> JsonDoc:
    """Parse JSON text; syntax errors and duplicate keys raise :class:`MapError` at their line."""
    return JsonDoc(text, path)


_COMPILED: dict[int, tuple[dict[str, Any], Callable[[Any], Any]]] = {}
"""Compiled validators by the id of their schema (kept with it, so that the id stays its own)."""


def _compiled(schema: dict[str, Any]) -> Callable[[Any], Any]:
    """``schema`` as a validating function, compiled once per process."""
    found = _COMPILED.get(id(schema))
    if found is None:
        import fastjsonschema

        # neither filling in defaults (validation never changes the document) nor checking
        # formats (jsonschema does not either): the two validators must agree
        validator = fastjsonschema.compile(schema, use_default=False, use_formats=False)
        found = _COMPILED[id(schema)] = (schema, validator)
    return found[1]


def validate(doc: JsonDoc, instance: Any, schema: dict[str, Any], trail: Trail = ()) -> None:
    """Check ``instance`` (found at ``trail``) against a JSON Schema; the first problem raises at its path.

    A document is first run through the schema compiled to Python by ``fastjsonschema``
    (an order of magnitude faster than ``jsonschema`` on a big map); only one it rejects
    goes to ``jsonschema``, whose errors say best what is wrong and which has the last word.
    """
    from fastjsonschema import JsonSchemaException

    try:
        _compiled(schema)(instance)
        return
    except JsonSchemaException:
        pass
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    error = best_match(Draft202012Validator(schema).iter_errors(instance))
    if error is None:
        return
    where = [*trail, *error.absolute_path]
    message = error.message
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(error.schema.get("properties", {}))
        unknown = next(k for k in error.instance if k not in allowed)
        where.append(unknown)
        message = f"unknown key{did_you_mean(unknown, allowed)}; allowed: {', '.join(allowed)}"
    elif error.validator == "required":
        message = message.replace("is a required property", "is required here")
    raise doc.error(where, message)
