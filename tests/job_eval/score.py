"""Score choose()'s reading of the evaluation set, per split.

    python tests/job_eval/score.py            # every split of both sets
    python tests/job_eval/score.py --show dev # also list the misses of a split

The job set (``tune``, ``dev``, ``holdout``) is scored on category, inputs
and outputs, job types (the whole list of steps, in order), use case and
language; the article phrasings of ``tests/task_eval.toml`` on use case and
category. ``--show`` refuses the holdout split: it is read only as scores.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

import aitaxonomy as ai

HERE = Path(__file__).resolve().parent
SPLITS = {
    "tune": ("tune.toml", "tune2.toml", "tune3.toml"),
    "dev": ("dev.toml",),
    "dev2": ("dev2.toml",),
    "dev3": ("dev3.toml",),
    "dev4": ("dev4.toml",),
    "holdout": ("holdout-a.toml", "holdout-b.toml"),
}
METRICS = ("category", "io", "job", "steps", "use_case", "language")


def cases(split: str) -> list[dict[str, Any]]:
    """The job-set cases of *split*."""
    found: list[dict[str, Any]] = []
    for name in SPLITS[split]:
        found += tomllib.loads((HERE / name).read_text("utf-8"))["case"]
    return found


def article_cases(split: str) -> list[dict[str, Any]]:
    """The article phrasings of *split* (tests/task_eval.toml)."""
    every = tomllib.loads((HERE.parent / "task_eval.toml").read_text("utf-8"))["case"]
    return [c for c in every if c["split"] == split]


def judge(case: dict[str, Any]) -> dict[str, bool]:
    """Which metrics ``choose(task=case["task"])`` gets right."""
    try:
        rec = ai.choose(task=case["task"])
    except ai.errors.NoMatchError:
        return dict.fromkeys(METRICS, False) | {"category": case["category"] == "error"}
    jobs = [s.job_type.id if s.job_type else None for s in rec.steps]
    gold_jobs = [s["job_type"] for s in case["steps"]]
    return {
        "category": rec.category.id == case["category"],
        "io": {m.value for m in rec.inputs} == set(case["inputs"])
        and {m.value for m in rec.outputs} == set(case["outputs"]),
        "job": jobs == gold_jobs,
        "steps": len(jobs) == len(gold_jobs),
        "use_case": (rec.use_case.id if rec.use_case else "none") == case["use_case"],
        "language": rec.language == case["language"],
    }


def judge_article(case: dict[str, Any]) -> dict[str, bool]:
    """Use case and category of an article phrasing, with its modalities."""
    try:
        rec = ai.choose(modalities=case["modalities"] or None, task=case["task"])
    except ai.errors.NoMatchError:
        return {
            "use_case": case["use_case"] == "none",
            "category": case["category"] == "error",
        }
    return {
        "use_case": (rec.use_case.id if rec.use_case else "none") == case["use_case"],
        "category": rec.category.id == case["category"],
    }


def rates(results: list[dict[str, bool]]) -> dict[str, float]:
    """The share of cases right, per metric."""
    return {k: sum(r[k] for r in results) / len(results) for k in results[0]}


def main(argv: list[str]) -> int:
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    if show == "holdout":
        print("the holdout split is read only as scores", file=sys.stderr)
        return 2
    print(f"{'set':8} {'split':8} {'n':>4}  " + "  ".join(f"{m:>8}" for m in METRICS))
    for split in SPLITS:
        found = cases(split)
        results = [judge(c) for c in found]
        row = rates(results)
        print(
            f"{'jobs':8} {split:8} {len(found):4}  "
            + "  ".join(f"{row[m]:8.1%}" for m in METRICS)
        )
        if split == show:
            for case, result in zip(found, results, strict=True):
                if not all(result.values()):
                    wrong = ",".join(k for k, v in result.items() if not v)
                    print(f"    [{wrong}] {case['task']}")
    for split in SPLITS:
        found = article_cases(split)
        if not found:
            continue  # the article's phrasings have no such split
        row = rates([judge_article(c) for c in found])
        print(
            f"{'article':8} {split:8} {len(found):4}  "
            f"{row['category']:8.1%}  {'':8}  {'':8}  {'':8}  {row['use_case']:8.1%}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
