"""`make bench`: run every tests/benchmarks/bench_*.py script in turn and show its output,
then one summary table of every target: measured value, target, met or NOT met.

Benchmarks are scripts, not tests: they print measurements and ratios against reference
runs made in the same process; nothing here asserts a time. The machine may be busy with
other work, so a ratio is the figure to read; absolute times vary run to run.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from targets import parse  # noqa: E402


def run(script: Path, targets: list) -> bool:
    """Run one script, echo its output as it comes, keep its target lines."""
    process = subprocess.Popen([sys.executable, str(script)], cwd=HERE.parents[1],
                               stdout=subprocess.PIPE, text=True, bufsize=1)
    for line in process.stdout:
        found = parse(line)
        if found is None:
            print(line, end="", flush=True)
        else:
            targets.append((script.stem, found))
    return process.wait() == 0


def summary(targets: list, failed: list) -> str:
    rows = [("benchmark", "target", "measured", "wanted", "result")]
    rows += [(bench, t["name"], t["measured"], t["target"], "met" if t["met"] else "NOT met")
             for bench, t in targets]
    rows += [(name, "(script failed: no figures)", "-", "-", "NOT met") for name in failed]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    met = sum(1 for _, t in targets if t["met"])
    lines.append(f"{met} of {len(targets) + len(failed)} targets met")
    return "\n".join(lines)


def main() -> int:
    failed, targets = [], []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n######## {script.name}", flush=True)
        if not run(script, targets):
            failed.append(script.stem)
    print("\n######## summary of targets (this machine, this run)")
    print(summary(targets, failed))
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
