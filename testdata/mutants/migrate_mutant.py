#!/usr/bin/env python3
"""Migrates a copy of a fixture tree with one deliberately wrong mutant.

    migrate_mutant.py --tool PGTABLE_MIGRATE --make-db MAKE_DB.py
                      --system-include DIR --mutant NAME TREE OUT_DIR

OUT_DIR/tree is the copy, rewritten in place by the tool with
--testing-mutant=NAME; OUT_DIR/db its compile database; OUT_DIR/mutant.diff
what the mutant changed, and OUT_DIR/migration.txt the tool's diagnostics.
--verify stays on: a mutant edit that does not compile is withdrawn with
its file (exit 2), the others are written. The scenarios built from the
copy must then catch what is left (check_mutant.py). Fails when the mutant
changed nothing: a mutant that writes no edit proves nothing. The mutants
of --target=level's edits (LEVEL_MUTANTS) migrate with --target=level.
"""

import argparse
import difflib
import os
import shutil
import subprocess
import sys

LEVEL_MUTANTS = {"level-pgtable-free"}


def tree_diff(old_root, new_root):
    lines = []
    for dirpath, _, files in os.walk(old_root):
        for name in sorted(files):
            old = os.path.join(dirpath, name)
            rel = os.path.relpath(old, old_root)
            new = os.path.join(new_root, rel)
            with open(old) as f:
                a = f.readlines()
            with open(new) as f:
                b = f.readlines()
            lines += difflib.unified_diff(a, b, "a/" + rel, "b/" + rel)
    return "".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--make-db", required=True)
    parser.add_argument("--system-include", required=True)
    parser.add_argument("--mutant", required=True)
    parser.add_argument("tree")
    parser.add_argument("out")
    args = parser.parse_args()

    copy = os.path.join(args.out, "tree")
    db = os.path.join(args.out, "db")
    shutil.rmtree(args.out, ignore_errors=True)
    shutil.copytree(args.tree, copy)
    subprocess.run([sys.executable, args.make_db, copy,
                    os.path.join(db, "compile_commands.json"),
                    "--system-include", args.system_include], check=True)
    diagnostics = os.path.join(args.out, "migration.txt")
    run = subprocess.run([args.tool, "-p", db, "--root", copy, "--in-place",
                          "--quiet", "--no-cache",
                          "--testing-mutant=" + args.mutant] +
                         (["--target=level"] if args.mutant in LEVEL_MUTANTS
                          else []) + [
                          "--diagnostics-file=" + diagnostics, copy],
                         stderr=subprocess.PIPE, text=True)
    # 2: --verify withdrew the files of edits that do not compile.
    if run.returncode not in (0, 2) or (
            run.returncode == 2 and "(--verify)" not in run.stderr):
        sys.stderr.write(run.stderr)
        sys.exit("migrate_mutant: the tool failed (exit %d)" % run.returncode)
    diff = tree_diff(args.tree, copy)
    with open(os.path.join(args.out, "mutant.diff"), "w") as f:
        f.write(diff)
    with open(os.path.join(args.out, "verify.txt"), "w") as f:
        f.write(run.stderr)
    if not diff:
        sys.exit("migrate_mutant: mutant '%s' changed nothing in %s"
                 % (args.mutant, args.tree))


if __name__ == "__main__":
    main()
