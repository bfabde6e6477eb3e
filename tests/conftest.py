"""Test-wide settings: hypothesis profiles for CI and for long fuzzing runs."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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
