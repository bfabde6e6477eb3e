"""``python -m aitaxonomy``: a short tour of the packaged taxonomy."""

from __future__ import annotations

import sys

from ._catalog import default_taxonomy
from ._entities import AIModel


def main() -> int:
    """Print the category tree with its models and the GenAI vs LLM table."""
    tax = default_taxonomy()
    out = sys.stdout
    out.write(f"{tax!r}\n\nCategories and their models:\n")
    for category in tax.categories():
        depth = len(tax.category_path(category)) - 1
        members = [m.name for m in tax.of_type(AIModel) if m.category_id == category.id]
        out.write(f"{'  ' * depth}- {category.name} [{category.id}]: ")
        out.write(", ".join(members) + "\n")
    out.write("\n" + str(tax.comparison("genai", "llm")) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
