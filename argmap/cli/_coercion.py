"""Plain command-line values without pydantic, so a small ``argmap check`` starts quickly.

typer 0.2x converts every parameter through a pydantic ``TypeAdapter`` built when the
command runs, even a parameter left at its default: importing pydantic and building the
adapters took 0.25-0.3 s, most of a 0.6 s ``argmap check`` on the essay's map. The values
argmap's commands take (text, paths, enum choices, small integers and lists of them) are
converted here the way typer converts them; anything else (a choice not in the list, a
number out of range, a constraint this module does not know) goes to typer's own
conversion, so its error messages are unchanged. With a typer that has no such layer,
:func:`install` does nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

_DIGITS = re.compile(r"[0-9]+")


class _Fallback(Exception):
    """The value is not a plain one: typer's own conversion decides."""


def install() -> None:
    """Route typer's parameter conversion through :func:`_plain` first (once per process)."""
    try:
        import typer.core
        from typer._coercion import RuntimeParam
        from typer._param_types import coerce_cli_choice, coerce_cli_path
    except ImportError:
        return
    full = getattr(typer.core, "build_runtime_param", None)
    if full is None or getattr(full, "_argmap_plain", False):
        return

    def leaf(value: Any, annotation: Any, info: Any, param: Any, ctx: Any) -> Any:
        if annotation is str and isinstance(value, str):
            return value
        if annotation is bool and isinstance(value, bool):
            return value
        if annotation is int and info.parser is None and not info.clamp:
            if isinstance(value, str) and _DIGITS.fullmatch(value):
                value = int(value)
            if type(value) is not int:
                raise _Fallback
            if (info.min is not None and value < info.min) or (info.max is not None and value > info.max):
                raise _Fallback
            return value
        if isinstance(annotation, type) and issubclass(annotation, Enum) and info.parser is None:
            try:
                return coerce_cli_choice(value, choices=tuple(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
            except ValueError:
                raise _Fallback from None
        if annotation is Path and info.parser is None and info.path_type is None and isinstance(value, (str, Path)):
            if value == "":
                raise _Fallback
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        raise _Fallback

    @dataclass(frozen=True)
    class Plain(RuntimeParam):
        """Plain conversion; typer's full one is built only for a value it cannot take."""

        descriptor: Any

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation, info = self.annotation, self.parameter_info
            try:
                if get_origin(annotation) is list:
                    (item,) = get_args(annotation)
                    items = value if isinstance(value, (list, tuple)) else [value]
                    return [leaf(v, item, info, param, ctx) for v in items]
                return leaf(value, annotation, info, param, ctx)
            except _Fallback:
                return full(self.descriptor)._coerce_value(value, param=param, ctx=ctx)

    def build(descriptor: Any) -> Any:
        if descriptor.file_annotation is not None:
            return full(descriptor)
        return Plain(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation, descriptor=descriptor)

    build._argmap_plain = True  # type: ignore[attr-defined]
    typer.core.build_runtime_param = build
