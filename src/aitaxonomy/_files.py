"""Reading and writing catalog files: ``load``, ``loads``, ``dump``, ``dumps``.

Loading reads data only: TOML with :mod:`tomllib`, JSON with :mod:`json`,
never pickle, YAML tags or imports named by the data. Input is bounded by
:class:`Limits`, and every problem comes back at once in one
:class:`~aitaxonomy.TaxonomyError`, each with the file and the path inside it.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from ._errors import did_you_mean, shown, suggest
from ._gc import gc_paused
from ._kinds import default_kinds
from ._load import Document, build, check_depth, limit_error, shape_of
from ._structure import fast_document
from ._taxonomy import Taxonomy
from .errors import (
    ArgumentTypeError,
    InvalidArgumentError,
    Problem,
    TaxonomyError,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping


__all__ = ["Limits", "dump", "dumps", "load", "loads"]

Format = Literal["toml", "json"]
_SUFFIXES: Final[Mapping[str, Format]] = {".toml": "toml", ".json": "json"}
_FORMATS: Final[tuple[Format, ...]] = ("toml", "json")
_MIB = 1024 * 1024
_TEMPORARY_TRIES = 10


def _positive(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    # checked here, not at the first comparison deep inside a load
    if type(value) is not int:
        raise ArgumentTypeError(
            f"Limits.{attribute.name} must be a whole number, not "
            f"{type(value).__name__} {shown(value)}"
        )
    if value < 1:
        raise InvalidArgumentError(
            f"Limits.{attribute.name} must be at least 1, not {value}"
        )


@attrs.frozen
class Limits:
    """How much a load accepts; past a limit it stops with :class:`LimitError`.

    Attributes:
        max_bytes: The largest file (or text) read, in bytes.
        max_depth: The deepest nesting of tables and arrays in a document.
        max_entities: The most entities one load returns.

    Example:
        >>> import aitaxonomy as ai
        >>> ai.Limits().max_bytes == 128 * 1024 * 1024
        True
        >>> roomy = ai.Limits(max_entities=5_000_000)
    """

    max_bytes: int = attrs.field(default=128 * _MIB, validator=_positive)
    max_depth: int = attrs.field(default=32, validator=_positive)
    max_entities: int = attrs.field(default=1_000_000, validator=_positive)


def _decode(data: bytes, file: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TaxonomyError(
            [
                Problem(
                    f"not valid UTF-8: byte {data[exc.start]:#04x} at offset "
                    f"{exc.start}",
                    "$",
                    file,
                )
            ]
        ) from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # rare: find the key only then
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(f"duplicate key {key!r}")


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _parse(text: str, fmt: Format, file: str | None, limits: Limits) -> object:
    try:
        if fmt == "json":
            return json.loads(
                text,
                object_pairs_hook=_no_duplicate_keys,
                parse_constant=_reject_constant,
            )
        import tomllib  # noqa: PLC0415  # kept off the import path

        return tomllib.loads(text)
    except RecursionError:
        raise limit_error(
            "the nesting", f"{limits.max_depth} levels", "max_depth", file
        ) from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise TaxonomyError(
            [Problem(f"invalid JSON: {exc.msg}", where, file)]
        ) from None
    except ValueError as exc:  # TOMLDecodeError, duplicate keys, huge numbers
        message, where = _position(str(exc))
        raise TaxonomyError(
            [Problem(f"invalid {fmt.upper()}: {message}", where, file)]
        ) from None


# tomllib (before Python 3.14) gives the position only inside its message.
_AT = re.compile(
    r"^(?P<message>.*) \(at (?P<where>line \d+, column \d+|end of document)\)$"
)


def _position(message: str) -> tuple[str, str]:
    """*message* without the position a parser put in it, and the position.

    Example:
        >>> _position("Expected '=' (at line 2, column 5)")
        ("Expected '='", 'line 2, column 5')
        >>> _position("Duplicate key 'a'")
        ("Duplicate key 'a'", '$')
    """
    found = _AT.match(message)
    if found is None:
        return message, "$"
    return found["message"], found["where"]


# The deepest a valid catalog nests: document, group list, entity, provenance
# list, citation, covers list. Data that passes validation is never deeper,
# so depth is only measured when a document has problems (then an over-deep
# one is reported as such) or when the limit is set below this.
_FORMAT_DEPTH = 6


def _read_document(
    data: bytes | str,
    fmt: Format,
    file: str | None,
    limits: Limits,
    stem: str | None = None,
) -> Document:
    """Parse *data*; a one-entity document without an id takes *stem* as its id."""
    # surrogatepass: a lone surrogate (in a comment, say) is counted, not
    # fatal here; one in a value is refused, with its path, by the entity.
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    if size > limits.max_bytes:
        raise limit_error(
            f"the input ({size:,} bytes)",
            f"{limits.max_bytes:,} bytes",
            "max_bytes",
            file,
        )
    text = data if isinstance(data, str) else _decode(data, file)
    if text.startswith("\ufeff"):  # UTF-8 keeps the mark as a character
        raise TaxonomyError(
            [
                Problem(
                    "the file starts with a byte-order mark; save it as UTF-8 "
                    "without one",
                    "$",
                    file,
                )
            ]
        )
    if fmt == "json" and limits.max_depth >= _FORMAT_DEPTH:
        with gc_paused():
            quick = _read_quickly(text, file, stem)
        if quick is not None:
            return quick
    document = _parse(text, fmt, file, limits)
    if limits.max_depth < _FORMAT_DEPTH:
        check_depth(document, limits, file)
    return Document(file, _with_id(document, stem))


def _with_id(document: object, stem: str | None) -> object:
    if (
        stem is not None
        and isinstance(document, dict)
        and "kind" in document
        and "id" not in document
    ):
        return {**document, "id": stem}
    return document


def _read_quickly(text: str, file: str | None, stem: str | None) -> Document | None:
    """Parse and structure well-formed JSON in one go, or return ``None``.

    The duplicate-key hook costs a Python call per JSON object. Parsed with
    ``object_pairs_hook=tuple`` instead, each object keeps every key it
    named, at almost no cost, and the fast path finds a repeated key when it
    makes dicts of them (:mod:`aitaxonomy._structure`). Anything unusual,
    a repeated key or any error included, returns ``None``: the caller then
    reads the text the careful way, so errors and their order stay the same.
    """
    try:
        parsed = json.loads(
            text, object_pairs_hook=tuple, parse_constant=_reject_constant
        )
    except (ValueError, RecursionError):
        return None
    if type(parsed) is not tuple:
        return None
    top = dict(parsed)
    if len(top) != len(parsed):
        return None
    found = fast_document(_with_id(top, stem), default_kinds())
    if found is None:
        return None
    # Its shape is kept instead of the document, which is freed at once rather
    # than held (and walked by the garbage collector) until the load ends.
    return Document(file, entities=found[1], shape=shape_of(found[0]))


def _guess_format(text: str | bytes) -> Format:
    head = text.lstrip()[:1]
    return "json" if head in ("{", b"{", "[", b"[") else "toml"


def _format_of(path: Path, given: Format | None) -> Format:
    if given is not None:
        return _check_format(given)
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise TaxonomyError(
            [
                Problem(
                    f"cannot tell the format of {path.name!r}; name it .toml or "
                    ".json, or pass format=",
                    "$",
                    str(path),
                )
            ]
        )
    return found


def check_base(value: object) -> None:
    """Refuse a ``base=`` that is neither a taxonomy nor ``None``."""
    if value is not None and not isinstance(value, Taxonomy):
        raise ArgumentTypeError(
            f"base must be a Taxonomy or None, not {type(value).__name__} "
            f"{shown(value)}"
        )


def checked_limits(value: object) -> Limits:
    """*limits=* as :class:`Limits` (the default for ``None``), or refused."""
    if value is None:
        return Limits()
    if not isinstance(value, Limits):
        raise ArgumentTypeError(
            f"limits must be aitaxonomy.Limits, not {type(value).__name__} "
            f"{shown(value)}"
        )
    return value


def _check_format(value: object) -> Format:
    if value not in _FORMATS:
        hint = did_you_mean(suggest(value, _FORMATS))
        raise InvalidArgumentError(
            f"unknown format {shown(value)}{hint}; use 'toml' or 'json'"
        )
    return value


def loads(
    text: str | bytes,
    *,
    format: Format | None = None,  # noqa: A002  # mirrors the json module's keywords
    base: Taxonomy | None = None,
    limits: Limits | None = None,
    source: str | None = None,
) -> Taxonomy:
    """Read a catalog document from a string into a validated taxonomy.

    Args:
        text: TOML or JSON, as text or UTF-8 bytes.
        format: ``"toml"`` or ``"json"``; guessed from the first character
            when omitted (``{`` or ``[`` mean JSON).
        base: A taxonomy to extend (often :func:`~aitaxonomy.default_taxonomy`),
            so the document may refer to its entities; ``None`` loads the
            document on its own.
        limits: Size, nesting and count limits; :class:`Limits` by default.
        source: A name for the text in error messages (a file name).

    Raises:
        TaxonomyError: The text is not valid, listing every problem with its
            path (:class:`LimitError` when a limit was hit).
        InvalidArgumentError: *format* is neither ``"toml"`` nor ``"json"``.
        ArgumentTypeError: *text* is not a string or bytes, *base* not a
            taxonomy, or *limits* not :class:`Limits`.

    Example:
        >>> import aitaxonomy as ai
        >>> text = '''
        ... format = 1
        ... [[organizations]]
        ... kind = "organization"
        ... id = "acme"
        ... name = "Acme"
        ... [[models]]
        ... kind = "llm"
        ... id = "acme-7b"
        ... name = "Acme 7B"
        ... organization = "acme"
        ... '''
        >>> tax = ai.loads(text, base=ai.default_taxonomy())
        >>> tax["acme-7b"].organization
        'acme'
    """
    if not isinstance(text, str | bytes):
        raise ArgumentTypeError(
            f"loads() reads str or bytes, not {type(text).__name__} {shown(text)}"
        )
    chosen = checked_limits(limits)
    check_base(base)
    fmt = _guess_format(text) if format is None else _check_format(format)
    return build([_read_document(text, fmt, source, chosen)], base=base, limits=chosen)


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002
    base: Taxonomy | None = None,
    limits: Limits | None = None,
) -> Taxonomy:
    """Read a catalog file, or a directory of them, into a validated taxonomy.

    A directory is read recursively, every ``.toml`` and ``.json`` file in
    name order (hidden files skipped), models.dev style: a file may hold one
    entity (its top-level table has a ``kind``; its ``id`` defaults to the
    file name) or lists of entities grouped as ``models``, ``techniques``...

    Args:
        path: The file or directory.
        format: Force ``"toml"`` or ``"json"`` instead of going by suffix.
        base: A taxonomy to extend, as for :func:`loads`.
        limits: Size, nesting and count limits (each file is held to
            ``max_bytes``; the whole load to ``max_entities``).

    Raises:
        TaxonomyError: Any file is invalid, or the files together break an
            invariant; every problem is listed with its file and path.
        InvalidArgumentError: *format* is neither ``"toml"`` nor ``"json"``.
        ArgumentTypeError: *path* is not a path, *base* not a taxonomy, or
            *limits* not :class:`Limits`.
        OSError: The path cannot be read.
    """
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError(
            f"load() takes a path (str or os.PathLike), not {type(path).__name__} "
            f"{shown(path)}"
        )
    chosen = checked_limits(limits)
    check_base(base)
    root = Path(path)
    files = sorted(_catalog_files(root)) if root.is_dir() else [root]
    if not files:
        raise TaxonomyError([Problem("no .toml or .json files here", "$", str(root))])
    documents = []
    for file in files:
        name = str(file.relative_to(root)) if root.is_dir() else str(file)
        fmt = _format_of(file, format)
        documents.append(
            _read_document(file.read_bytes(), fmt, name, chosen, stem=file.stem)
        )
    return build(documents, base=base, limits=chosen)


def _catalog_files(root: Path) -> Iterator[Path]:
    for file in root.rglob("*"):
        relative = file.relative_to(root).parts
        if (
            file.is_file()
            and file.suffix.lower() in _SUFFIXES
            and not any(part.startswith(".") for part in relative)
        ):
            yield file


def _document(taxonomy: Taxonomy, exclude: Taxonomy | None) -> dict[str, Any]:
    from ._convert import entities_to_document  # noqa: PLC0415

    if not isinstance(taxonomy, Taxonomy):
        raise ArgumentTypeError(
            f"taxonomy must be a Taxonomy, not {type(taxonomy).__name__} "
            f"{shown(taxonomy)}"
        )
    if exclude is not None and not isinstance(exclude, Taxonomy):
        # a list of ids would be compared with entities and leave out nothing
        raise ArgumentTypeError(
            f"exclude must be a Taxonomy or None, not {type(exclude).__name__} "
            f"{shown(exclude)}"
        )
    chosen = [e for e in taxonomy if exclude is None or e not in exclude]
    return entities_to_document(chosen)


def _text(document: Mapping[str, Any], fmt: Format) -> str:
    try:
        return _written(document, fmt)
    except TypeError as exc:  # a custom kind's field holds what the format cannot
        raise ArgumentTypeError(
            f"{_unwritable(document, fmt)} cannot be written as {fmt.upper()}: {exc}"
        ) from None


def _unwritable(document: Mapping[str, Any], fmt: Format) -> str:
    """Which entity of *document* the format cannot hold, in words."""
    for group, entries in document.items():
        for entry in entries if group != "format" else ():
            try:
                _written({group: [entry]}, fmt)
            except TypeError:
                return f"entity {entry.get('id')!r}"
    return "the taxonomy"


def _written(document: Mapping[str, Any], fmt: Format) -> str:
    if fmt == "json":
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    from ._toml import dumps_toml  # noqa: PLC0415

    return dumps_toml(document)


def dumps(
    taxonomy: Taxonomy,
    *,
    format: Format = "toml",  # noqa: A002
    exclude: Taxonomy | None = None,
) -> str:
    """Write a taxonomy as one catalog document; :func:`loads` reads it back equal.

    Args:
        taxonomy: What to write. Entities are grouped by kind and sorted by
            id, and fields at their defaults are left out, so diffs stay small.
        format: ``"toml"`` (for people) or ``"json"`` (for machines).
        exclude: Leave out the entities this taxonomy also has, e.g. the
            default one, to write only your additions.

    Raises:
        InvalidArgumentError: *format* is neither ``"toml"`` nor ``"json"``.
        ArgumentTypeError: *taxonomy* is not a :class:`~aitaxonomy.Taxonomy`.

    Example:
        >>> import aitaxonomy as ai
        >>> tax = ai.default_taxonomy().extend(ai.Organization(id="acme", name="Acme"))
        >>> print(ai.dumps(tax, exclude=ai.default_taxonomy()))
        format = 1
        <BLANKLINE>
        [[organizations]]
        kind = "organization"
        id = "acme"
        name = "Acme"
        <BLANKLINE>
    """
    fmt = _check_format(format)  # before the work of writing anything
    return _text(_document(taxonomy, exclude), fmt)


def dump(
    taxonomy: Taxonomy,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002
    exclude: Taxonomy | None = None,
) -> None:
    """Write a taxonomy to a file, or to a directory with one file per entity.

    A path ending in ``.toml`` or ``.json`` gets one document; any other path
    is a directory that receives ``<group>/<id>.<format>`` files (TOML unless
    *format* says otherwise), which :func:`load` reads back. A single file is
    written to a temporary name first and then moved into place, so a failed
    write leaves no half-written file. Files get the mode ``open(path, "w")``
    would give them: the user's umask applied to a new file, and the old mode
    kept for a file replaced.

    Raises:
        InvalidArgumentError: *format* is neither ``"toml"`` nor ``"json"``.
        ArgumentTypeError: *taxonomy* is not a :class:`~aitaxonomy.Taxonomy`.
        OSError: The path cannot be written.
    """
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError(
            f"path must be a string or a path, not {type(path).__name__} {shown(path)}"
        )
    target = Path(path)
    document = _document(taxonomy, exclude)
    if target.suffix.lower() in _SUFFIXES:
        _write(target, _text(document, _format_of(target, format)))
        return
    fmt = _check_format(format or "toml")
    for group, entries in document.items():
        if group == "format":
            continue
        for entry in entries:
            single = {"format": document["format"], **entry}
            _write(target / group / f"{entry['id']}.{fmt}", _text(single, fmt))


def _write(target: Path, text: str) -> None:
    """Write *text* through a temporary file moved into place: never half-written.

    A symbolic link is written through, as ``open(path, "w")`` would: the
    file it points at is replaced and the link kept (the temporary file sits
    beside that file, on its file system, so the move stays atomic).
    """
    if target.is_symlink():
        target = target.resolve()
    if not target.name or target.is_dir():
        raise InvalidArgumentError(
            f"cannot write a file at {str(target)!r}: it names "
            + ("no file" if not target.name else "a directory")
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = _temporary(target)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        Path(name).replace(target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _temporary(target: Path) -> tuple[int, str]:
    """A new file beside *target*, with the mode ``open(target, "w")`` would give.

    :func:`tempfile.mkstemp` makes files readable by their owner only, whatever
    the umask, and the move would carry that mode to a catalog or diagram meant
    to be shared. Created with 0o666 the file gets the umask applied by the
    system (so the umask need not be read, which is not thread-safe); a file
    replaced keeps its mode, as it would when rewritten in place.
    """
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    tries = 0
    while True:
        name = str(target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp"))
        try:
            handle = os.open(name, flags, 0o666)
            break
        except FileExistsError:  # another writer's temporary file: pick again
            tries += 1
            if tries == _TEMPORARY_TRIES:
                raise
    if mode is not None:
        try:
            os.chmod(name, mode)  # noqa: PTH101  # by name: os.fchmod is POSIX-only
        except BaseException:
            os.close(handle)
            Path(name).unlink(missing_ok=True)
            raise
    return handle, name
