#!/usr/bin/env python3
"""Time pgtable-migrate against the other ways to run the same migration.

    benchmark.py -p BUILD_DIR [--tree DIR] [--jobs N] [--repeat R]
                 [--tool PATH] [--plugin PATH] [--cocci PATH]
                 [--spatch-dirs DIR,...] [--variants NAME,...]
                 [--out-dir DIR] [PATH...]

Every variant runs over the same compile database from the kernel tree's
root (--tree, default: the current directory), with the same number of
parallel jobs, in one run of this script, interleaved: repetition 1 of
every variant, then repetition 2 of every variant, ... (--repeat, default
3), so that a change in the machine's load spreads over all of them:

  migrate               pgtable-migrate -p DB -j N --check --quiet
                        --cache-dir=EMPTY, a new empty cache each
                        repetition (cold cache; the pre-filter is on by
                        default);
  migrate-no-prefilter  the same with --no-prefilter (cold cache too);
  migrate-no-verify     the same with --no-verify (cold cache too): the
                        cost of --verify is migrate's time over this one;
  migrate-warm          the same with --cache-dir=WARM, a cache an untimed
                        run filled before repetition 1;
  tidy-plugin           run-clang-tidy-16 -j N -p DB -load PLUGIN
                        -checks='-*,pgtable-*' -quiet FILES..., our four
                        checks in clang-tidy;
  spatch                spatch --sp-file scripts/pgtable.cocci --dir D
                        --no-includes --include-headers --very-quiet -j N,
                        once per --spatch-dirs directory (default: the
                        database's arch/<arch> directories,
                        include/asm-generic and mm, those the tree has),
                        one after another;
  syntax-all            clang-16 -fsyntax-only with each .c unit's own
                        command line: the parse floor of every AST tool;
  syntax-kept           the same over only the units the pre-filter keeps:
                        the floor of a tool that parses what ours parses;
  tidy-builtin          (only when named in --variants) clang-tidy-16 with
                        one built-in check (--tidy-check), per unit.

PATH... narrows the units (files or directories): they are passed to the
tool and to run-clang-tidy, and filter the syntax-only units; spatch keeps
its directories. The clang-tidy and syntax-only variants read a copy of
the database without -Wp,-MMD,FILE (no tool writes dependency files; the
tool drops those flags itself and reads the original database).

The units the pre-filter keeps come from the untimed run that fills the
warm cache: the "pre-filter: unit PATH: why" lines of --prefilter-trace.
An older tool without --cache-dir or --no-prefilter drops the variants
that need them, with a message; a missing plugin or spatch drops its
variant the same way.

Each repetition of each variant records wall-clock seconds, CPU seconds
(user + system of every process it ran, from wait4()), peak RSS (the
largest ru_maxrss of the processes it ran: for run-clang-tidy, spatch -j
and the syntax-only pools, the largest single process, not a sum) and exit
statuses. The table gives the median and the spread (min-max) of each, and
the median's ratio to pgtable-migrate's (migrate). It is printed and
written with every raw figure to --out-dir (default: build/bench of this
repository) as results-DATE.json and results-DATE.md.

Timing figures belong here and in the README, never in tests: nothing here
asserts a time.
"""

import argparse
import datetime
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

CLANG = "clang-16"
CLANG_TIDY = "clang-tidy-16"
RUN_CLANG_TIDY = "run-clang-tidy-16"
SPATCH = "spatch"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

VARIANTS = ["migrate", "migrate-no-prefilter", "migrate-no-verify",
            "migrate-warm", "tidy-plugin", "spatch", "syntax-all",
            "syntax-kept"]
OPTIONAL_VARIANTS = ["tidy-builtin"]
LABELS = {
    "migrate": "pgtable-migrate (cold cache)",
    "migrate-no-prefilter": "pgtable-migrate --no-prefilter (cold cache)",
    "migrate-no-verify": "pgtable-migrate --no-verify (cold cache)",
    "migrate-warm": "pgtable-migrate (warm cache)",
    "tidy-plugin": "run-clang-tidy-16 + plugin (pgtable-*)",
    "spatch": "spatch (pgtable.cocci)",
    "syntax-all": "clang -fsyntax-only, every unit",
    "syntax-kept": "clang -fsyntax-only, pre-filtered units",
    "tidy-builtin": "clang-tidy-16, one built-in check",
}
TRACE_UNIT = "pre-filter: unit "


def note(message):
    print("benchmark: " + message, file=sys.stderr, flush=True)


def unit_path(entry):
    return os.path.normpath(os.path.join(entry["directory"], entry["file"]))


def load_entries(build_dir):
    path = os.path.join(build_dir, "compile_commands.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_units(entries, filters):
    """The .c units of the database under `filters`: (cwd, file, argv)."""
    units = []
    filters = [os.path.abspath(p) for p in filters]
    for e in entries:
        file = unit_path(e)
        if not file.endswith(".c"):
            continue
        if filters and not any(file == p or file.startswith(p + os.sep)
                               for p in filters):
            continue
        args = e.get("arguments") or shlex.split(e["command"])
        units.append((e["directory"], file, args))
    return sorted(units, key=lambda u: u[1])


def without_dependency_files(entries, out_dir):
    """A copy of the database without -Wp,-MMD,FILE: no tool writes files."""
    copy = []
    for e in entries:
        e = dict(e)
        args = e.pop("arguments", None) or shlex.split(e["command"])
        args = [a for a in args if not a.startswith(("-Wp,-MD,", "-Wp,-MMD,"))]
        e["command"] = " ".join(shlex.quote(a) for a in args)
        copy.append(e)
    with open(os.path.join(out_dir, "compile_commands.json"), "w",
              encoding="utf-8") as f:
        json.dump(copy, f)
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


class Step:
    """One process to run: argv in cwd, stdout/stderr to files or nowhere."""

    def __init__(self, cwd, argv, log=None):
        self.cwd = cwd
        self.argv = argv
        self.log = log  # path prefix: LOG.out and LOG.err, else discarded

    def run(self):
        """Run to completion; return (exit status, CPU seconds, max RSS KB)."""
        if self.log:
            out = open(self.log + ".out", "wb")
            err = open(self.log + ".err", "wb")
        else:
            out = err = subprocess.DEVNULL
        try:
            proc = subprocess.Popen(self.argv, cwd=self.cwd, stdout=out,
                                    stderr=err, stdin=subprocess.DEVNULL)
            # wait4() reaps it with the rusage of the process and of every
            # descendant it waited for (run-clang-tidy's clang-tidys,
            # spatch's workers).
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        except OSError as e:
            note("cannot run %s: %s" % (self.argv[0], e))
            return 127, 0.0, 0
        finally:
            if self.log:
                out.close()
                err.close()
        return (proc.returncode, usage.ru_utime + usage.ru_stime,
                usage.ru_maxrss)


class Variant:
    """A way to run the migration (or its parse floor), measured as a whole.

    `steps(rep)` gives the processes of one repetition; `parallel` of them
    run at once (1: one after another). `ok` is the set of exit statuses
    that are not a failure.
    """

    def __init__(self, name, units, steps, parallel=1, ok=(0,),
                 setup=None, teardown=None):
        self.name = name
        self.units = units
        self.steps = steps
        self.parallel = parallel
        self.ok = ok
        self.setup = setup
        self.teardown = teardown
        self.reps = []

    def command(self):
        steps = self.steps(0)
        text = " ".join(shlex.quote(a) for a in steps[0].argv)
        if len(text) > 400:
            text = text[:400] + " ..."
        if len(steps) > 1:
            text += "  (%d processes)" % len(steps)
        return text

    def run(self, rep):
        if self.setup:
            self.setup(rep)
        steps = self.steps(rep)
        start = time.monotonic()
        if self.parallel > 1 and len(steps) > 1:
            with ThreadPoolExecutor(max_workers=self.parallel) as pool:
                results = list(pool.map(Step.run, steps))
        else:
            results = [s.run() for s in steps]
        wall = time.monotonic() - start
        if self.teardown:
            self.teardown(rep)
        codes = [r[0] for r in results]
        record = {
            "wall": wall,
            "cpu": sum(r[1] for r in results),
            "rss_kb": max(r[2] for r in results),
            "processes": len(steps),
            "failed": sum(1 for c in codes if c not in self.ok),
            "exit": sorted(set(codes)),
        }
        self.reps.append(record)
        return record


def tool_options(tool):
    """The options the tool's --help-hidden lists."""
    try:
        r = subprocess.run([tool, "--help-hidden"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    except OSError as e:
        sys.exit("benchmark: cannot run the tool %s: %s" % (tool, e))
    return set(re.findall(r"^\s+(--?[A-Za-z][\w-]*)", r.stdout, re.M))


def parse_trace(path):
    """Kept units from --prefilter-trace's "pre-filter: unit PATH: why"."""
    kept = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(TRACE_UNIT):
                kept.append(line[len(TRACE_UNIT):].split(": ", 1)[0].strip())
    return kept


def default_spatch_dirs(tree, entries):
    dirs = set()
    for e in entries:
        rel = os.path.relpath(unit_path(e), tree).split(os.sep)
        if len(rel) > 2 and rel[0] == "arch":
            dirs.add(os.path.join("arch", rel[1]))
    dirs = sorted(dirs) + ["include/asm-generic", "mm"]
    return [d for d in dirs if os.path.isdir(os.path.join(tree, d))]


def spread(values):
    return statistics.median(values), min(values), max(values)


def summarize(variants, reference):
    ref = None
    if reference and reference.reps:
        ref = {k: statistics.median(r[k] for r in reference.reps)
               for k in ("wall", "cpu", "rss_kb")}
    rows = []
    for v in variants:
        if not v.reps:
            continue
        row = {"variant": v.name, "label": LABELS[v.name], "units": v.units,
               "failed": max(r["failed"] for r in v.reps),
               "exit": sorted({c for r in v.reps for c in r["exit"]})}
        for k in ("wall", "cpu", "rss_kb"):
            med, lo, hi = spread([r[k] for r in v.reps])
            row[k] = {"median": med, "min": lo, "max": hi,
                      "ratio": med / ref[k] if ref and ref[k] else None}
        rows.append(row)
    return rows


def table(rows, repeat):
    def cell(m, scale=1.0, fmt="%.1f"):
        text = fmt % (m["median"] * scale)
        if repeat > 1:
            text += " (" + fmt % (m["min"] * scale) + "–" + \
                fmt % (m["max"] * scale) + ")"
        return text

    def ratio(m):
        return "%.2f" % m["ratio"] if m["ratio"] is not None else "–"

    lines = ["| variant | units | wall s | × ours | CPU s | × ours "
             "| peak RSS MB | × ours | failed |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %d |" % (
            r["label"], r["units"], cell(r["wall"], fmt="%.2f"),
            ratio(r["wall"]), cell(r["cpu"]), ratio(r["cpu"]),
            cell(r["rss_kb"], 1 / 1024.0, "%.0f"), ratio(r["rss_kb"]),
            r["failed"]))
    return "\n".join(lines)


def git_revision():
    try:
        rev = subprocess.run(["git", "-C", REPO, "describe", "--always",
                              "--dirty"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
        return rev.stdout.strip() or None
    except OSError:
        return None


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        usage=__doc__.split("\n\n")[1].strip(),
        epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-p", dest="build_dir", required=True,
                        help="build directory with compile_commands.json")
    parser.add_argument("--tree", default=".", metavar="DIR",
                        help="the kernel tree's root, where every variant "
                        "runs (default: the current directory)")
    parser.add_argument("--tool", metavar="PATH", default=os.path.join(
        REPO, "build", "tool", "pgtable-migrate"),
        help="pgtable-migrate (default: this repository's build/tool/)")
    parser.add_argument("--plugin", metavar="PATH", default=os.path.join(
        REPO, "build", "tool", "tidy", "libPgtableMigrateTidy.so"),
        help="the clang-tidy plugin (default: build/tool/tidy/ of this "
        "repository)")
    parser.add_argument("--cocci", metavar="PATH", default=os.path.join(
        REPO, "scripts", "pgtable.cocci"), help="the semantic patch (default: scripts/pgtable.cocci)")
    parser.add_argument("--spatch-dirs", default=None, metavar="DIR,...",
                        help="comma-separated directories of the tree for "
                        "spatch (default: the database's arch/<arch>, "
                        "include/asm-generic, mm)")
    parser.add_argument("--spatch-args", default="", metavar="ARGS",
                        help="more spatch options (one shell-quoted string)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        metavar="N", help="parallel jobs of every variant "
                        "(default: the number of CPUs)")
    parser.add_argument("--repeat", type=int, default=3, metavar="R",
                        help="repetitions of every variant (default: 3)")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        metavar="NAME,...",
                        help="comma-separated variants to run (default: %s; "
                        "also: %s)" % (",".join(VARIANTS),
                                       ",".join(OPTIONAL_VARIANTS)))
    parser.add_argument("--tidy-check", metavar="CHECK",
                        default="readability-else-after-return",
                        help="the built-in check of tidy-builtin")
    parser.add_argument("--out-dir", metavar="DIR",
                        default=os.path.join(REPO, "build", "bench"),
                        help="where the results go (default: build/bench "
                        "of this repository)")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or directories to narrow the units to")
    args = parser.parse_args()

    wanted = [v for v in args.variants.split(",") if v]
    unknown = [v for v in wanted if v not in VARIANTS + OPTIONAL_VARIANTS]
    if unknown:
        parser.error("unknown variant(s) %s (known: %s)" % (
            ",".join(unknown), ",".join(VARIANTS + OPTIONAL_VARIANTS)))
    if args.repeat < 1 or args.jobs < 1:
        parser.error("--repeat and --jobs must be at least 1")
    tree = os.path.abspath(args.tree)
    build_dir = os.path.abspath(args.build_dir)
    tool = os.path.abspath(args.tool)
    paths = [os.path.abspath(os.path.join(tree, p)) for p in args.paths]
    entries = load_entries(build_dir)
    units = load_units(entries, paths)
    if not units:
        sys.exit("benchmark: no .c units in %s match %s" %
                 (build_dir, args.paths or "(all)"))
    files = [u[1] for u in units]

    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    os.makedirs(args.out_dir, exist_ok=True)
    logs = os.path.join(args.out_dir, "logs-" + stamp)
    os.makedirs(logs)
    scratch = tempfile.TemporaryDirectory(prefix="pgtable-bench-")
    stripped = without_dependency_files(
        entries, tempfile.mkdtemp(dir=scratch.name, prefix="db-"))
    skipped = {}

    # The tool: which of its options exist in this binary.
    options = tool_options(tool)
    has_cache = "--cache-dir" in options
    if not has_cache:
        note("%s has no --cache-dir: the migrate variants run without a "
             "cache dir (so cold means whatever the tool does by default), "
             "migrate-warm is skipped" % tool)
        skipped["migrate-warm"] = "the tool has no --cache-dir"
    if "--no-prefilter" not in options:
        note("%s has no --no-prefilter: migrate-no-prefilter is skipped" %
             tool)
        skipped["migrate-no-prefilter"] = "the tool has no --no-prefilter"
    if "--no-verify" not in options:
        note("%s has no --no-verify: migrate-no-verify is skipped" % tool)
        skipped["migrate-no-verify"] = "the tool has no --no-verify"

    tool_base = [tool, "-p", build_dir, "-j", str(args.jobs), "--check",
                 "--quiet"]
    cold_dirs = {}

    def cold_setup(name):
        def setup(rep):
            if has_cache:
                cold_dirs[name] = tempfile.mkdtemp(dir=scratch.name,
                                                   prefix="cold-cache-")
        return setup

    def cold_teardown(name):
        def teardown(rep):
            if name in cold_dirs:
                shutil.rmtree(cold_dirs.pop(name), ignore_errors=True)
        return teardown

    def cold_steps(name, extra):
        def steps(rep):
            cache = ["--cache-dir=" + cold_dirs.get(
                name, "EMPTY_TEMP_DIR")] if has_cache else []
            return [Step(tree, tool_base + extra + cache + paths,
                         os.path.join(logs, name))]
        return steps

    # The untimed run: fills the warm cache and says which units the
    # pre-filter keeps.
    warm_dir = tempfile.mkdtemp(dir=scratch.name, prefix="warm-cache-")
    kept = None
    kept_units = []
    if "migrate-warm" in wanted or "syntax-kept" in wanted:
        first = list(tool_base)
        if has_cache:
            first.append("--cache-dir=" + warm_dir)
        if "--prefilter-trace" in options:
            first.append("--prefilter-trace")
        note("untimed run (warm cache, pre-filtered units): " +
             " ".join(shlex.quote(a) for a in first + paths))
        code, _, _ = Step(tree, first + paths,
                          os.path.join(logs, "untimed")).run()
        if code not in (0, 1):
            note("the untimed run exited with %d; see %s.err" %
                 (code, os.path.join(logs, "untimed")))
        if "--prefilter-trace" in options:
            kept = parse_trace(os.path.join(logs, "untimed.err"))
        else:
            skipped["syntax-kept"] = "the tool has no --prefilter-trace"
        if kept is not None:
            by_path = {os.path.realpath(u[1]): u for u in units}
            kept_units = [by_path[p] for p in
                          sorted({os.path.realpath(k) for k in kept})
                          if p in by_path]
            missing = len(set(kept)) - len(kept_units)
            note("the pre-filter keeps %d of %d units%s" % (
                len(kept_units), len(units),
                " (%d kept paths are not .c units here)" % missing
                if missing else ""))
            if not kept_units:
                skipped["syntax-kept"] = "no pre-filtered unit found"

    # run-clang-tidy reads FILES as regular expressions on the path.
    plugin = os.path.abspath(args.plugin)
    if not os.path.exists(plugin):
        skipped["tidy-plugin"] = "no plugin at %s (--plugin)" % plugin
    elif not shutil.which(RUN_CLANG_TIDY):
        skipped["tidy-plugin"] = "%s is not installed" % RUN_CLANG_TIDY
    tidy_files = ["^" + re.escape(f) + "$" for f in files]

    spatch_dirs = (args.spatch_dirs.split(",") if args.spatch_dirs
                   else default_spatch_dirs(tree, entries))
    spatch_dirs = [d for d in spatch_dirs if d]
    if not shutil.which(SPATCH):
        skipped["spatch"] = "spatch is not installed (apt-get install " \
            "coccinelle)"
    elif not os.path.exists(args.cocci):
        skipped["spatch"] = "no semantic patch at %s" % args.cocci
    elif not spatch_dirs:
        skipped["spatch"] = "no --spatch-dirs directory in the tree"
    for d in spatch_dirs:
        if not os.path.isdir(os.path.join(tree, d)):
            sys.exit("benchmark: --spatch-dirs: no directory %s in %s" %
                     (d, tree))

    syntax = [Step(d, syntax_only_command(a)) for d, _, a in units]
    makers = {
        "migrate": lambda: Variant(
            "migrate", len(entries), cold_steps("migrate", []), ok=(0, 1),
            setup=cold_setup("migrate"), teardown=cold_teardown("migrate")),
        "migrate-no-prefilter": lambda: Variant(
            "migrate-no-prefilter", len(entries),
            cold_steps("migrate-no-prefilter", ["--no-prefilter"]),
            ok=(0, 1), setup=cold_setup("migrate-no-prefilter"),
            teardown=cold_teardown("migrate-no-prefilter")),
        "migrate-no-verify": lambda: Variant(
            "migrate-no-verify", len(entries),
            cold_steps("migrate-no-verify", ["--no-verify"]),
            ok=(0, 1), setup=cold_setup("migrate-no-verify"),
            teardown=cold_teardown("migrate-no-verify")),
        "migrate-warm": lambda: Variant(
            "migrate-warm", len(entries),
            lambda rep: [Step(tree, tool_base + ["--cache-dir=" + warm_dir] +
                              paths, os.path.join(logs, "migrate-warm"))],
            ok=(0, 1)),
        "tidy-plugin": lambda: Variant(
            "tidy-plugin", len(files),
            lambda rep: [Step(tree, [RUN_CLANG_TIDY, "-j", str(args.jobs),
                                     "-p", stripped, "-load", plugin,
                                     "-checks=-*,pgtable-*", "-quiet"] +
                              tidy_files, os.path.join(logs, "tidy-plugin"))],
            ok=(0, 1)),
        "spatch": lambda: Variant(
            "spatch", "%d dir(s)" % len(spatch_dirs),
            lambda rep: [Step(tree, [SPATCH, "--sp-file",
                                     os.path.abspath(args.cocci), "--dir", d,
                                     "--no-includes", "--include-headers",
                                     "--very-quiet", "--patch", ".", "-j",
                                     str(args.jobs)] +
                              shlex.split(args.spatch_args),
                              os.path.join(logs, "spatch-%d" % i))
                         for i, d in enumerate(spatch_dirs)]),
        "syntax-all": lambda: Variant(
            "syntax-all", len(syntax), lambda rep: syntax,
            parallel=args.jobs),
        "syntax-kept": lambda: Variant(
            "syntax-kept", len(kept_units),
            lambda rep: [Step(d, syntax_only_command(a))
                         for d, _, a in kept_units],
            parallel=args.jobs),
        "tidy-builtin": lambda: Variant(
            "tidy-builtin", len(files),
            lambda rep: [Step(tree, [CLANG_TIDY, "-p", stripped, "--quiet",
                                     "-checks=-*," + args.tidy_check, f])
                         for f in files],
            parallel=args.jobs, ok=(0, 1)),
    }
    variants = []
    for name in wanted:
        if name in skipped:
            note("skipping %s: %s" % (name, skipped[name]))
            continue
        variants.append(makers[name]())

    note("%d .c units of %d entries, %d job(s), %d repetition(s), "
         "variants: %s" % (len(units), len(entries), args.jobs, args.repeat,
                           ", ".join(v.name for v in variants)))
    load_before = os.getloadavg()
    start = time.monotonic()
    for rep in range(args.repeat):
        for v in variants:
            r = v.run(rep)
            note("rep %d/%d %-21s %8.2f s wall %8.1f s CPU %6.0f MB%s" % (
                rep + 1, args.repeat, v.name, r["wall"], r["cpu"],
                r["rss_kb"] / 1024.0,
                "  (%d failed, exit %s)" % (r["failed"], r["exit"])
                if r["failed"] else ""))
    elapsed = time.monotonic() - start
    load_after = os.getloadavg()

    reference = next((v for v in variants if v.name == "migrate"), None)
    rows = summarize(variants, reference)
    heading = ("%d .c units (%d database entries) of %s, from %s; %d job(s); "
               "median (min–max) of %d interleaved repetition(s); ratios to "
               "pgtable-migrate (cold cache); %.0f s in all; load average "
               "%.2f before, %.2f after" % (
                   len(units), len(entries), build_dir, tree, args.jobs,
                   args.repeat, elapsed, load_before[0], load_after[0]))
    text = table(rows, args.repeat)
    print(heading)
    print()
    print(text)
    for name, why in skipped.items():
        if name in wanted:
            print("skipped %s: %s" % (name, why))

    results = {
        "date": stamp,
        "revision": git_revision(),
        "build_dir": build_dir,
        "tree": tree,
        "paths": paths,
        "entries": len(entries),
        "units": len(units),
        "kept_units": [u[1] for u in kept_units] if kept is not None
        else None,
        "jobs": args.jobs,
        "repeat": args.repeat,
        "cpus": os.cpu_count(),
        "load_average": {"before": load_before, "after": load_after},
        "elapsed": elapsed,
        "skipped": {k: v for k, v in skipped.items() if k in wanted},
        "variants": [{"name": v.name, "label": LABELS[v.name],
                      "command": v.command(), "units": v.units,
                      "reps": v.reps} for v in variants],
        "summary": rows,
        "logs": logs,
    }
    base = os.path.join(args.out_dir, "results-" + stamp)
    with open(base + ".json", "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)
    with open(base + ".md", "w", encoding="utf-8") as f:
        f.write(heading + "\n\n" + text + "\n\nCommands:\n\n")
        for v in variants:
            f.write("- %s: `%s`\n" % (v.name, v.command()))
        for name, why in results["skipped"].items():
            f.write("- %s: skipped (%s)\n" % (name, why))
    note("results in %s.json and %s.md" % (base, base))


if __name__ == "__main__":
    main()
