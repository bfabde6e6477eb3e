"""Mark every URL citation in the packaged data as a primary or secondary source.

python scripts/mark_sources.py          # add ``primary = true|false`` where unset
python scripts/mark_sources.py --check  # exit 1 if a citation is unmarked

A source is primary when it comes from whoever made the thing it supports:

- the maker's own site: the host of an organisation's ``url`` in the data,
  or one of the makers' other hosts in :data:`MAKER_HOSTS`;
- a paper: arXiv, OpenReview, the ACL Anthology, a journal's article page;
- code and model cards: GitHub and Hugging Face (the maker's repository or
  card), and project pages on ``github.io``;

except the aggregating catalogs (:data:`AGGREGATORS`), which copy what makers
publish; ``scripts/link_sources.py`` marks a catalog's citation of its own ids
primary, since a catalog is the authority on those. Everything else
(encyclopedias, the press, blogs, mirrors) is secondary. A mark already in a
file is kept: a person's judgement wins over these rules. Citations of the
article (``section = ...``) are primary by nature and are left unmarked.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "aitaxonomy" / "data"

PAPERS = ("arxiv.org", "openreview.net", "aclanthology.org", "nature.com", "iclr.cc")
CODE = ("github.com", "huggingface.co", "github.io")
# Makers' hosts other than their organisation's home page in the data.
MAKER_HOSTS = (
    "claude.com",  # Anthropic
    "blog.google",
    "google.dev",
    "deepmind.google",
    "deepmind.com",
    "research.google",
    "cloud.google.com",  # Google
    "meta.com",  # Meta
    "microsoft.com",
    "bing.com",
    "azure.com",
    "github.blog",  # Microsoft and GitHub
    "aliyun.com",
    "alibabacloud.com",  # Alibaba Cloud
    "midjourney.com",
    "nvidia.com",
    "apple.com",
    "amazon.science",
    "ultralytics.com",
)
AGGREGATORS = ("models.dev", "openrouter.ai", "github.com/berriai/")

_URL = re.compile(r'\{ url = "(?P<url>[^"]+)"(?P<rest>[^}]*)\}')


def _maker_hosts() -> set[str]:
    hosts = set(MAKER_HOSTS)
    for path in (DATA / "catalog" / "organizations").glob("*.toml"):
        url = tomllib.loads(path.read_text("utf-8")).get("url")
        if url:
            hosts.add(_host(url))
    for path in (DATA / "article").glob("*.toml"):
        for entry in tomllib.loads(path.read_text("utf-8")).get("organizations", []):
            if entry.get("url"):
                hosts.add(_host(entry["url"]))
    return hosts


def _host(url: str) -> str:
    host = urlparse(url).netloc.lower()
    return host.removeprefix("www.")


def _within(host: str, domains: tuple[str, ...] | set[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def is_primary(url: str, makers: set[str]) -> bool:
    """Whether *url* is a primary source, by the rules in this module's docstring."""
    lowered = url.lower()
    host = _host(url)
    if any(a in lowered for a in AGGREGATORS):
        return False
    return _within(host, PAPERS) or _within(host, CODE) or _within(host, makers)


def main() -> int:
    """Mark (or, with ``--check``, look for) unmarked URL citations."""
    check = "--check" in sys.argv[1:]
    makers = _maker_hosts()
    unmarked = 0
    marked = {True: 0, False: 0}
    for path in sorted(DATA.glob("*/**/*.toml")):
        text = path.read_text("utf-8")

        def mark(found: re.Match[str]) -> str:
            nonlocal unmarked
            if "primary =" in found["rest"]:
                return found[0]
            unmarked += 1
            primary = is_primary(found["url"], makers)
            marked[primary] += 1
            rest = found["rest"].rstrip()
            return (
                f'{{ url = "{found["url"]}"{rest}, primary = {str(primary).lower()} }}'
            )

        new = _URL.sub(mark, text)
        if new != text and not check:
            tomllib.loads(new)  # still TOML
            path.write_text(new, "utf-8")
    print(
        f"{unmarked} unmarked citations; marked {marked[True]} primary, "
        f"{marked[False]} secondary"
    )
    return 1 if check and unmarked else 0


if __name__ == "__main__":
    raise SystemExit(main())
