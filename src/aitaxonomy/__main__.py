"""``python -m aitaxonomy``: the same as the ``aitaxonomy`` command."""

from ._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
