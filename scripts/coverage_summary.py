"""Print line and branch coverage apart, from coverage.py's JSON report.

    python scripts/coverage_summary.py coverage.json

``coverage report`` gives one figure for lines and branches together; CI
prints the two apart so that either falling shows.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Print the figures of the JSON report named in *argv*."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    totals = json.loads(Path(argv[0]).read_text(encoding="utf-8"))["totals"]
    lines, statements = totals["covered_lines"], totals["num_statements"]
    taken, branches = totals["covered_branches"], totals["num_branches"]
    print(
        f"coverage: lines {100 * lines / statements:.1f}% ({lines:,} of "
        f"{statements:,}), branches {100 * taken / branches:.1f}% ({taken:,} of "
        f"{branches:,}), together {totals['percent_covered']:.1f}%"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
