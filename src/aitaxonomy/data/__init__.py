"""Data files shipped with aitaxonomy, read with importlib.resources."""
