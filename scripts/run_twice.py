"""Run the test suite twice in one process; fail if either run fails.

    python scripts/run_twice.py [pytest arguments]

Mutation tools (mutmut) and ``pytest-repeat`` call ``pytest.main()`` more than
once in one interpreter. A test that leaves global state behind (a kind it
registered, a generator it consumed) passes the first time and fails the
second. CI runs this instead of a single ``pytest`` so such a test shows.
"""

from __future__ import annotations

import sys

import pytest


def main(argv: list[str]) -> int:
    """Run pytest with *argv* twice; the exit code of the first failing run, or 0."""
    for run in ("first", "second"):
        print(f"== {run} run in this process", flush=True)
        code = pytest.main(list(argv))
        if code != pytest.ExitCode.OK:
            print(f"== the {run} run failed (exit code {int(code)})", flush=True)
            return int(code)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
