#!/usr/bin/env python3
"""Time pgtable-migrate against clang-tidy and clang -fsyntax-only.

    benchmark.py -p BUILD_DIR [--tool PATH] [--jobs N] [--repeat R] [PATH...]

All three run over the same translation units of one compile database, in
one run of this script, each with the same number of parallel jobs:

  clang -fsyntax-only   each unit's own command line, parse + semantic
                        analysis only (the floor every AST tool pays);
  clang-tidy            one cheap built-in check, so the figure is
                        clang-tidy's own overhead on top of the parse;
  pgtable-migrate       all rules, --check (no output written).

Prints wall-clock seconds (best of --repeat) and the ratios to
clang -fsyntax-only. Timing figures belong here and in the README, never in
tests.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

CLANG = "clang-16"
CLANG_TIDY = "clang-tidy-16"


def load_units(build_dir, filters):
    path = os.path.join(build_dir, "compile_commands.json")
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)
    units = []
    filters = [os.path.abspath(p) for p in filters]
    for e in entries:
        file = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if not file.endswith(".c"):
            continue
        if filters and not any(file == p or file.startswith(p + os.sep)
                               for p in filters):
            continue
        args = e.get("arguments") or shlex.split(e["command"])
        units.append((e["directory"], file, args))
    return sorted(units, key=lambda u: u[1])


def without_dependency_files(build_dir, out_dir):
    """A copy of the database without -Wp,-MMD,FILE: no tool writes files."""
    with open(os.path.join(build_dir, "compile_commands.json"),
              encoding="utf-8") as f:
        entries = json.load(f)
    for e in entries:
        args = e.pop("arguments", None) or shlex.split(e["command"])
        args = [a for a in args if not a.startswith(("-Wp,-MD,", "-Wp,-MMD,"))]
        e["command"] = " ".join(shlex.quote(a) for a in args)
    with open(os.path.join(out_dir, "compile_commands.json"), "w",
              encoding="utf-8") as f:
        json.dump(entries, f)
    return out_dir


def syntax_only_command(args):
    """The unit's command with clang-16 and -fsyntax-only, no output file."""
    out = [CLANG]
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a in ("-c", "-S", "-E") or a.startswith("-Wp,-MMD") or \
                a.startswith("-Wp,-MD"):
            continue
        out.append(a)
    return out + ["-fsyntax-only", "-Wno-everything"]


def run_all(commands, jobs):
    """Run (cwd, argv) pairs with `jobs` workers; return wall seconds."""
    def one(cmd):
        cwd, argv = cmd
        r = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        return r.returncode

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        codes = list(pool.map(one, commands))
    elapsed = time.monotonic() - start
    return elapsed, sum(1 for c in codes if c not in (0, 1))


def best_of(repeat, fn):
    times = []
    failures = 0
    for _ in range(repeat):
        t, failures = fn()
        times.append(t)
    return min(times), failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-p", dest="build_dir", required=True)
    parser.add_argument("--tool", default="build/tool/pgtable-migrate")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tidy-check", default="readability-else-after-return")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()

    scratch = tempfile.TemporaryDirectory(prefix="pgtable-bench-")
    args.build_dir = without_dependency_files(args.build_dir, scratch.name)
    units = load_units(args.build_dir, args.paths)
    if not units:
        sys.exit("benchmark: no .c units in %s match %s" %
                 (args.build_dir, args.paths or "(all)"))
    files = [u[1] for u in units]

    syntax = [(d, syntax_only_command(a)) for d, _, a in units]
    tidy = [(os.getcwd(), [CLANG_TIDY, "-p", args.build_dir, "--quiet",
                           "-checks=-*," + args.tidy_check, f])
            for f in files]
    # pgtable-migrate parallelises itself: one process, -j N.
    migrate = [(os.getcwd(), [args.tool, "-p", args.build_dir, "-j",
                              str(args.jobs), "--check", "--quiet"] + files)]

    t_syntax, f_syntax = best_of(args.repeat,
                                 lambda: run_all(syntax, args.jobs))
    t_tidy, f_tidy = best_of(args.repeat, lambda: run_all(tidy, args.jobs))
    t_migrate, f_migrate = best_of(args.repeat, lambda: run_all(migrate, 1))

    print("%d translation units, %d job(s), best of %d" %
          (len(units), args.jobs, args.repeat))
    print("%-22s %9s %8s %s" % ("", "seconds", "ratio", "failed units"))
    for name, t, f in (("clang -fsyntax-only", t_syntax, f_syntax),
                       ("clang-tidy (1 check)", t_tidy, f_tidy),
                       ("pgtable-migrate", t_migrate, f_migrate)):
        print("%-22s %9.2f %8.2f %d" % (name, t, t / t_syntax, f))


if __name__ == "__main__":
    main()
