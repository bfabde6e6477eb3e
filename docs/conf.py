"""Sphinx configuration: furo theme, MyST Markdown, API pages from docstrings."""

from __future__ import annotations

import aitaxonomy

project = "aitaxonomy"
author = "aitaxonomy developers"
copyright = "2026, aitaxonomy developers"  # noqa: A001  # Sphinx's own name
release = aitaxonomy.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinxcontrib.mermaid",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated/*.txt", "_generated/*.md"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"aitaxonomy {release}"
html_static_path: list[str] = []
html_extra_path = ["catalog.schema.json", "cli-output.schema.json"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

# No network at build time: intersphinx inventories are not fetched.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
mermaid_version = "11.4.1"
