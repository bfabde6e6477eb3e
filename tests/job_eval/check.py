"""Check an evaluation file's labels and print its coverage.

    python tests/job_eval/check.py tests/job_eval/tune.toml

Labels must use the taxonomy's ids, follow the conventions in README.md, and
agree with themselves (the category and the job-level inputs and outputs
follow from the steps). This reads only the labels: it never runs choose().
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import aitaxonomy as ai

TAX = ai.default_taxonomy()
JOBS = {j.id: j for j in TAX.job_types()}
USE_CASES = {u.id: u for u in TAX.use_cases()}
MODALITIES = {m.value for m in ai.Modality}
LANGUAGES = {"en", "es", "fr", "de", "pt"}
FIELDS = {
    "task",
    "language",
    "use_case",
    "category",
    "inputs",
    "outputs",
    "steps",
    "split",
}


def expected_category(case: dict[str, Any]) -> str:
    """The category the conventions give for a case's steps and use case."""
    steps = [JOBS[s["job_type"]] for s in case["steps"]]
    makes_content = any(
        j.generative and any(m != "text" for m in s["outputs"])
        for j, s in zip(steps, case["steps"], strict=True)
    )
    use_case = USE_CASES.get(case["use_case"])
    if use_case is not None:
        return "genai" if makes_content else use_case.category
    if makes_content:
        return "genai"
    return "llm" if any(j.generative for j in steps) else "ai-model"


def job_level(case: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Job-level inputs and outputs from the steps (see README.md)."""
    inputs: set[str] = set()
    outputs: set[str] = set()
    made: set[str] = set()
    steps = case["steps"]
    for index, step in enumerate(steps):
        fed = step.get("uses_previous", False)
        if not fed:
            inputs |= set(step["inputs"])
        made |= set(step["outputs"])
        feeds_next = index + 1 < len(steps) and steps[index + 1].get(
            "uses_previous", False
        )
        if not feeds_next:
            outputs |= set(step["outputs"])
    return inputs, outputs


def problems(case: dict[str, Any]) -> list[str]:
    """Everything wrong with a case's labels."""
    missing = FIELDS - set(case)
    if missing:
        return [f"missing {sorted(missing)}"]
    found = _field_problems(case)
    if not case["steps"]:
        return [*found, "no steps"]
    found += _step_problems(case)
    if not found:
        found += _consistency_problems(case)
    return found


def _field_problems(case: dict[str, Any]) -> list[str]:
    found = []
    extra = set(case) - FIELDS
    if extra:
        found.append(f"unknown fields {sorted(extra)}")
    if case["language"] not in LANGUAGES:
        found.append(f"language {case['language']!r}")
    if case["use_case"] != "none" and case["use_case"] not in USE_CASES:
        found.append(f"use_case {case['use_case']!r}")
    for where in ("inputs", "outputs"):
        bad = set(case[where]) - MODALITIES
        if bad:
            found.append(f"{where}: unknown {sorted(bad)}")
    return found


def _step_problems(case: dict[str, Any]) -> list[str]:
    found = []
    for index, step in enumerate(case["steps"]):
        job = JOBS.get(step.get("job_type", ""))
        if job is None:
            return [f"steps[{index}]: unknown job_type {step.get('job_type')!r}"]
        bad = (set(step["inputs"]) | set(step["outputs"])) - MODALITIES
        if bad:
            found.append(f"steps[{index}]: unknown {sorted(bad)}")
            continue
        if index == 0 and step.get("uses_previous"):
            found.append("steps[0] cannot use a previous step")
        for name, given, typical in (
            ("outputs", step["outputs"], job.outputs),
            ("inputs", step["inputs"], job.inputs),
        ):
            ok = {m.value for m in typical}
            for value in given:
                modality = ai.Modality(value)
                near = any(
                    modality.is_a(t) or ai.Modality(t).is_a(modality) for t in ok
                )
                if value not in ok and not near:
                    found.append(
                        f"steps[{index}] {name}: {value} does not fit {job.id} "
                        f"({', '.join(sorted(ok)) or 'nothing'})"
                    )
    return found


def _consistency_problems(case: dict[str, Any]) -> list[str]:
    found = []
    if case["category"] != expected_category(case):
        found.append(
            f"category {case['category']!r}, but the conventions give "
            f"{expected_category(case)!r}"
        )
    inputs, outputs = job_level(case)
    if set(case["inputs"]) != inputs or set(case["outputs"]) != outputs:
        found.append(
            f"job-level inputs/outputs {sorted(case['inputs'])}->"
            f"{sorted(case['outputs'])}, but the steps give "
            f"{sorted(inputs)}->{sorted(outputs)}"
        )
    return found


def main(paths: list[str]) -> int:
    cases = []
    for path in paths:
        cases += tomllib.loads(Path(path).read_text("utf-8"))["case"]
    bad = 0
    tasks: Counter[str] = Counter(c.get("task", "").lower() for c in cases)
    for number, case in enumerate(cases):
        trouble = problems(case)
        if tasks[case.get("task", "").lower()] > 1:
            trouble.append("duplicate task text")
        if trouble:
            bad += 1
            print(f"case {number} {case.get('task', '')[:60]!r}: " + "; ".join(trouble))
    good = [c for c in cases if not problems(c)]
    jobs = Counter(s["job_type"] for c in good for s in c["steps"])
    print(f"\n{len(cases)} cases, {bad} with problems")
    print("languages:", dict(Counter(c["language"] for c in good)))
    print("categories:", dict(Counter(c["category"] for c in good)))
    print("multi-step:", sum(len(c["steps"]) > 1 for c in good))
    print("non-text input:", sum(bool(set(c["inputs"]) - {"text"}) for c in good))
    print("with an article use case:", sum(c["use_case"] != "none" for c in good))
    print(f"job types covered: {len(jobs)} of {len(JOBS)}")
    thin = sorted(j for j in JOBS if jobs[j] < 2)
    if thin:
        print("job types with fewer than 2 cases:", ", ".join(thin))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
