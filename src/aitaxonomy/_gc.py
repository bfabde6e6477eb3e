"""Pausing the cyclic garbage collector around bulk loads."""

from __future__ import annotations

import contextlib
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Run a block with the cyclic collector off, then restore it.

    Loading makes hundreds of thousands of small, acyclic objects; each
    allocation threshold crossed would otherwise scan them all again. The
    collector is a process-wide switch, so a concurrent load may turn it back
    on early; that costs time only, never correctness.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
