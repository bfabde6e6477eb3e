"""Test-wide settings: hypothesis profiles, and the real catalogs in ../shared."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, settings

from aitaxonomy._kinds import default_kinds

if TYPE_CHECKING:
    from collections.abc import Iterator

CHECKOUT = Path(__file__).resolve().parent.parent
if CHECKOUT.name == "mutants" and (CHECKOUT.parent / "pyproject.toml").is_file():
    # mutmut runs a copy of the tests in <checkout>/mutants/tests.
    CHECKOUT = CHECKOUT.parent
SHARED_FIXTURES = CHECKOUT.parent / "shared" / "fixtures"
"""Real data no one here wrote (LiteLLM, models.dev, OpenRouter), beside the checkout."""

REAL_CATALOGS = {
    "litellm": "litellm-model-map-1.110.2.json",
    "models-dev": "models-dev-api-2026-08-22.json",
    "openrouter": "openrouter-models-2026-05-15.json",
}
"""The CLI's source name for each real catalog file."""


def shared_fixture(name: str) -> Path:
    """The path of a real catalog: skipped without it locally, a failure in CI."""
    path = SHARED_FIXTURES / name
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the shared fixture is missing in CI: {path}")
        pytest.skip(f"the shared fixture is not beside this checkout: {path}")
    return path


@pytest.fixture(scope="session")
def real_catalogs() -> dict[str, Any]:
    """The three real catalogs, parsed once: CLI source name -> data."""
    return {
        source: json.loads(shared_fixture(name).read_text("utf-8"))
        for source, name in REAL_CATALOGS.items()
    }


@pytest.fixture
def fresh_kinds() -> Iterator[None]:
    """Forget the kinds a test registers, so that it passes again in this process.

    Kinds live in one global registry, as users use it; a second run of the
    suite in one process (``scripts/run_twice.py``, mutmut) would find them
    taken by the first run's classes.
    """
    registry = default_kinds()
    before = {name: registry.cls(name) for name in registry.names()}
    yield
    registry._reset(before)


# "ci" is the default: each property runs its own example count. "fuzz" is the
# long run: HYPOTHESIS_PROFILE=fuzz python -m pytest -m fuzz (100,000 examples
# for each fuzz test; see docs/reliability.md).
settings.register_profile("ci", deadline=None)
settings.register_profile(
    "fuzz",
    max_examples=100_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
