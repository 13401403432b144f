#!/usr/bin/env python3
"""Records or compares pgtable-migrate's outputs in every format.

    outputs.py --tool TOOL --refimpl-include DIR record  GOLDEN_DIR
    outputs.py --tool TOOL --refimpl-include DIR compare GOLDEN_DIR

The cases are every `%check_fixes` RUN line of the rule folders
(testdata/<rule>/*.c, run as check_fixes.py runs them, without -i) and the
fixture trees of the driver tests and the sample tree, each with the
command line its driver test uses. For each case the tool runs once per
diagnostics format (text, json, sarif); the unified diff, the exported
clang-apply-replacements YAML, the diagnostics and the exit status go into
GOLDEN_DIR/<case>.out with the scratch directory spelled @TMP@.

`compare` fails when any output differs from the recorded one: these files
are the previous release's outputs, so a change to them is a change in
behaviour that its commit must show.
"""

import argparse
import difflib
import fcntl
import os
import re
import shlex
import shutil
import subprocess
import sys

TESTDATA = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULE_FOLDERS = ["ptdesc-address", "ptdesc-free", "zeroed-page", "name-conflicts"]
FORMATS = ["text", "json", "sarif"]


def blank_expectations(text):
    return re.sub(r"// *CHECK-[A-Z0-9-]*:[^\r\n]*", "//", text)


def lit_cases(refimpl):
    """(name, setup, argv-builder) for every %check_fixes RUN line."""
    cases = []
    for folder in RULE_FOLDERS:
        directory = os.path.join(TESTDATA, folder)
        for entry in sorted(os.listdir(directory)):
            if not entry.endswith(".c"):
                continue
            path = os.path.join(directory, entry)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            runs = re.findall(r"// RUN: %check_fixes (.*)", text)
            for index, run in enumerate(runs):
                name = "%s/%s.%d" % (folder, entry[:-2], index)
                cases.append(lit_case(name, text, run.replace("%%", "%"),
                                      refimpl))
    return cases


def lit_case(name, text, run, refimpl):
    """A check_fixes.py RUN line: [OPTIONS] %s TEMP -- ARGS [-- FLAGS]."""
    words = shlex.split(run.replace("%refimpl_include", refimpl))
    split = words.index("--") if "--" in words else len(words)
    options, rest = words[:split], words[split + 1:]
    scan_tree, no_database, positional = None, False, []
    i = 0
    while i < len(options):
        if options[i] == "--scan-tree":
            scan_tree = options[i + 1]
            i += 1
        elif options[i] == "--no-database":
            no_database = True
        elif options[i].startswith("--check-suffix") or \
                options[i].startswith("--expect-exit"):
            pass
        else:
            positional.append(options[i])
        i += 1
    temp = positional[1]
    tool_args, flags = rest, []
    if "--" in rest:
        tool_args = rest[:rest.index("--")]
        flags = rest[rest.index("--") + 1:]

    def setup(tmp):
        def at(path):
            return path.replace("%t", os.path.join(tmp, "t"))
        source = at(temp) + ".c"
        os.makedirs(os.path.dirname(source), exist_ok=True)
        with open(source, "w", encoding="utf-8") as f:
            f.write(blank_expectations(text))
        scan = ["--scan-tree=" + at(scan_tree)] if scan_tree else []
        if no_database:
            return [scan + tool_args + ["--root=" + tmp]]
        return [[source] + scan + tool_args + ["--root=" + tmp, "--"] + flags]
    return name, setup


def make_db(tmp, tree, db, *args):
    subprocess.run([sys.executable, os.path.join(TESTDATA, "Inputs", "make_db.py"),
                    os.path.join(tmp, tree), os.path.join(tmp, db,
                                                          "compile_commands.json")]
                   + list(args), check=True)


def tree_cases(refimpl):
    inputs = os.path.join(TESTDATA, "Inputs")

    def copy(tmp, source):
        shutil.copytree(source, os.path.join(tmp, "tree"))
        subprocess.run(["git", "init", "-q", os.path.join(tmp, "tree")],
                       check=True)

    def sample(tmp):
        copy(tmp, os.path.join(TESTDATA, "sample-tree"))
        make_db(tmp, "tree", "build", "--system-include", refimpl)
        return [["-p", tmp + "/build", "-j", "1"]]

    def provenance(tmp):
        # The provenance tree, as CMake migrates its copy.
        copy(tmp, os.path.join(TESTDATA, "provenance-tree"))
        make_db(tmp, "tree", "build", "--system-include", refimpl)
        return [["-p", tmp + "/build", "-j", "1"]]

    def pairing(tmp):
        copy(tmp, os.path.join(inputs, "pairing"))
        make_db(tmp, "tree", "db", "--system-include", refimpl)
        make_db(tmp, "tree", "db-map", "--system-include", refimpl,
                "arch/x86/mm/map.c", "arch/arm/mm/map.c")
        return [["-p", tmp + "/db"], ["-p", tmp + "/db-map"]]

    def conflict(tmp):
        copy(tmp, os.path.join(inputs, "conflict"))
        make_db(tmp, "tree", "db-plain", "--include", refimpl, "plain.c")
        make_db(tmp, "tree", "db-traced", "--include", refimpl, "-D",
                "ARCH_TRACES_PAGETABLE_FREE", "traced.c")
        return [["-p", tmp + "/db-plain", "-p", tmp + "/db-traced"],
                ["-p", tmp + "/db-plain"]]

    def fixture_tree(tmp):
        copy(tmp, os.path.join(inputs, "tree"))
        make_db(tmp, "tree", "build", "--include", refimpl)
        make_db(tmp, "tree", "build-hotplug", "--include", refimpl, "-D",
                "CONFIG_MEMORY_HOTPLUG", "arch/x86/mm/init.c")
        return [["-p", tmp + "/build"],
                ["-p", tmp + "/build", "-p", tmp + "/build-hotplug"]]

    def outside_root(tmp):
        shutil.copytree(os.path.join(inputs, "outside-root"),
                        os.path.join(tmp, "outside-root"))
        make_db(tmp, "outside-root/tree", "build", "--include", refimpl,
                "--include", tmp + "/outside-root/shared")
        return [["-p", tmp + "/build", "--root", tmp + "/outside-root/tree"]]

    def conflicts_tree(tmp):
        # name-conflicts/tree.test's tree: scanned lexically, with the
        # databases the test builds for the AST half.
        with open(os.path.join(TESTDATA, "name-conflicts", "tree.test"),
                  encoding="utf-8") as f:
            text = f.read()
        subprocess.run(["split-file", "-", os.path.join(tmp, "tree")],
                       input=text, universal_newlines=True, check=True)
        subprocess.run(["git", "init", "-q", os.path.join(tmp, "tree")],
                       check=True)
        make_db(tmp, "tree", "build", "--include", refimpl, "--include",
                tmp + "/tree/arch/powerpc/include", "arch/powerpc/mm/pgtable.c",
                "arch/arm64/mm/mmu.c", "arch/x86/mm/user.c", "mm/pgtable-api.c")
        return [["-p", tmp + "/build", "--scan-tree=" + tmp + "/tree", "-j", "1"],
                ["-p", tmp + "/build", "--scan-tree=" + tmp + "/tree",
                 "--rename-conflicts", "-j", "1"],
                ["--scan-tree=" + tmp + "/tree", "--conflict-prefix=sparc_",
                 "--api=addr", "--rename-conflicts"]]

    def formatted(tmp):
        # driver/format-style.test's input: the edit is re-laid out by the
        # tree's .clang-format, and every format shows the same edit.
        commands = []
        for style, text in (("llvm", "BasedOnStyle: LLVM\n"),
                            ("none", "DisableFormat: true\n")):
            os.makedirs(os.path.join(tmp, style))
            shutil.copy(os.path.join(inputs, "format", "long_call.c"),
                        os.path.join(tmp, style))
            with open(os.path.join(tmp, style, ".clang-format"), "w") as f:
                f.write(text)
            commands.append([os.path.join(tmp, style, "long_call.c"),
                             "--root=" + tmp, "--", "-I" + refimpl])
        return commands

    return [("trees/sample-tree", sample),
            ("trees/provenance-tree", provenance),
            ("trees/format", formatted), ("trees/pairing", pairing),
            ("trees/conflict", conflict), ("trees/tree", fixture_tree),
            ("trees/outside-root", outside_root),
            ("trees/name-conflicts", conflicts_tree)]


# One fixed scratch path: SARIF fingerprints hash messages that name
# absolute paths, so the path must be the same on every run and machine.
# A lock serialises concurrent runs.
SCRATCH = "/tmp/pgmigrate-golden"


def run_case(tool, name, setup, llvm_bin):
    """The case's outputs as one text, with the scratch path as @TMP@."""
    tmp = SCRATCH
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1",
               PATH=llvm_bin + os.pathsep + os.environ["PATH"])
    try:
        command_lines = setup(tmp)
        sections = []
        for number, args in enumerate(command_lines):
            for fmt in FORMATS:
                diagnostics = os.path.join(tmp, "diagnostics")
                fixes = os.path.join(tmp, "fixes.yaml")
                cmd = ([tool] + args[:args.index("--")] if "--" in args
                       else [tool] + args)
                cmd += ["--format=" + fmt, "--diagnostics-file=" + diagnostics,
                        "--export-fixes=" + fixes]
                if "--" in args:
                    cmd += args[args.index("--"):]
                result = subprocess.run(cmd, cwd="/", env=env,
                                        stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE,
                                        universal_newlines=True)
                label = "command %d, --format=%s" % (number, fmt)
                sections.append("=== %s: exit %d\n" % (label, result.returncode))
                if fmt == FORMATS[0]:
                    sections.append("--- diff\n" + result.stdout)
                    sections.append("--- fixes.yaml\n" + read(fixes))
                sections.append("--- diagnostics\n" + read(diagnostics))
                sections.append("--- stderr\n" + result.stderr)
                for path in (diagnostics, fixes):
                    if os.path.exists(path):
                        os.remove(path)
        text = "".join(sections)
        text = text.replace(os.path.realpath(tmp), "@TMP@").replace(tmp, "@TMP@")
        return text
    finally:
        shutil.rmtree(tmp)


# The summary line of a run that took units from the facts cache.
CACHE_LINE = re.compile(r"^pgtable-migrate: .* from the facts cache.*\n",
                        re.MULTILINE)


def read(path):
    if not os.path.exists(path):
        return "(not written)\n"
    with open(path, encoding="utf-8") as f:
        return f.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--refimpl-include", required=True)
    parser.add_argument("--llvm-bin", default="/usr/lib/llvm-16/bin")
    parser.add_argument("--tool-arg", action="append", default=[],
                        help="an argument put before every other one of "
                        "each run (compare only: --prefilter must give the "
                        "recorded outputs too)")
    parser.add_argument("--warm-cache", metavar="DIR",
                        help="compare each case twice with --cache-dir=DIR "
                        "(emptied first): cold, then from the cache; the "
                        "cache's own summary line is left out of the "
                        "comparison, and must appear in the warm runs")
    parser.add_argument("mode", choices=["record", "compare"])
    parser.add_argument("golden")
    args = parser.parse_args()

    refimpl = os.path.abspath(args.refimpl_include)
    lock = open(SCRATCH + ".lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    os.environ["PATH"] = args.llvm_bin + os.pathsep + os.environ["PATH"]
    tool = os.path.abspath(args.tool)
    if (args.tool_arg or args.warm_cache) and args.mode == "record":
        sys.exit("--tool-arg and --warm-cache are for compare only")
    # No run reads or fills the user's facts cache unless asked to.
    tool_args = ["--no-cache"] + args.tool_arg
    if args.warm_cache:
        shutil.rmtree(args.warm_cache, ignore_errors=True)
        tool_args.append("--cache-dir=" + os.path.abspath(args.warm_cache))
    tool = SCRATCH + ".tool"
    with open(tool, "w") as f:
        f.write("#!/bin/sh\nexec %s %s \"$@\"\n" % (
            shlex.quote(os.path.abspath(args.tool)),
            " ".join(shlex.quote(a) for a in tool_args)))
    os.chmod(tool, 0o755)
    cases = lit_cases(refimpl) + tree_cases(refimpl)
    failures = []
    warm_hits = 0
    for name, setup in cases:
        text = run_case(tool, name, setup, args.llvm_bin)
        text = text.replace(refimpl, "@REFIMPL@")
        if args.warm_cache:
            # A case runs its command once per format: only the first run
            # of the first pass is cold.
            text = CACHE_LINE.sub("", text)
            warm = run_case(tool, name, setup, args.llvm_bin)
            warm = warm.replace(refimpl, "@REFIMPL@")
            warm_hits += CACHE_LINE.search(warm) is not None
            warm = CACHE_LINE.sub("", warm)
            if warm != text:
                failures.append(name + " (warm cache)")
                sys.stdout.writelines(difflib.unified_diff(
                    text.splitlines(True), warm.splitlines(True),
                    "cold/" + name, "warm/" + name))
        path = os.path.join(args.golden, name + ".out")
        if args.mode == "record":
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            continue
        expected = read(path)
        if expected != text:
            failures.append(name)
            sys.stdout.writelines(difflib.unified_diff(
                expected.splitlines(True), text.splitlines(True),
                "recorded/" + name, "now/" + name))
    if args.warm_cache and not warm_hits:
        failures.append("(no warm run took a unit from the cache)")
    if failures:
        sys.exit("%d of %d cases differ from the recorded outputs: %s" %
                 (len(failures), len(cases), ", ".join(failures)))
    print("%d cases %s" % (len(cases), "recorded" if args.mode == "record"
                           else "match the recorded outputs"))


if __name__ == "__main__":
    main()
