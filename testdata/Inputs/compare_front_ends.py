#!/usr/bin/env python3
"""Runs pgtable-migrate and the clang-tidy plugin over the testdata corpus
and requires that they do the same thing.

    compare_front_ends.py --tool TOOL --clang-tidy CLANG_TIDY --plugin LIB
        --run-clang-tidy "COMMAND" --testdata DIR --refimpl-include DIR
        --work DIR --expected FILE [--write-actual FILE]

COMMAND runs run-clang-tidy-16 (lit's %run_clang_tidy: the script with its
-clang-tidy-binary and -clang-apply-replacements-binary).

The corpus:
  * every RUN line of every rule test (testdata/<rule>/*.c, `%check_fixes
    INPUT TEMP -- ARGS -- FLAGS`): the CLI with ARGS, clang-tidy with the
    same settings as check options (see tidy_settings()) and FLAGS in a
    one-unit compile database;
  * the kernel-style trees with generated compile databases: sample-tree,
    Inputs/tree (default configuration, and with its memory-hotplug
    database too), Inputs/conflict (two configurations), Inputs/outside-root
    (--root; clang-tidy's -header-filter plays its part), Inputs/format.

Each run works on its own copy under --work. The CLI runs once with
`--export-fixes` and `--diagnostics-file`; run-clang-tidy runs once per
database with `-export-fixes`. Compared, as sets with absolute paths:
  * the replacements (file, offset, length, text);
  * the diagnostics (file, line, column, message, rule; clang-tidy's
    "pgtable-<rule>" is the CLI's "<rule>").
Formatting is switched off for both (a .clang-format with DisableFormat
at the top of --work, and none in the copied trees): it is the same step
after the rules in both front ends (the CLI formats around its edits with
the tree's .clang-format, clang-tidy with -format-style or
clang-apply-replacements -format), which run-clang-tidy.test checks; here
the rules' own edits are compared byte for byte.

Every difference must be listed in the expected-differences file (one
line each, with a comment saying why), and every listed difference must
occur: the list is reviewed, not a blanket ignore.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

try:
    import yaml
except ImportError:
    sys.exit("compare_front_ends.py needs PyYAML (Debian package python3-yaml)")

# Rule test directories are testdata/* except these.
NOT_RULE_DIRS = {"Inputs", "sample-tree", "provenance-tree", "scenarios",
                 "clang-tidy", "driver"}


class Unmappable(Exception):
    """A CLI setting that no clang-tidy check option can express."""


def kebab_case(key):
    """ConflictParamName -> conflict-param-name."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", key).lower()


def check_option_flags():
    """The CLI flag of each of the checks' options: {"--flag": (Key,
    default)}, read from clang-tidy's --dump-config, whose keys are
    "pgtable-<rule>.<Key>"; the flag is "--" + kebab_case(Key). PairingScope
    is the plugin's own option, with no flag."""
    result = subprocess.run(
        [CLANG_TIDY, "-load=" + PLUGIN, "-checks=-*,pgtable-*", "-config={}",
         "--dump-config"], stdout=subprocess.PIPE, universal_newlines=True,
        check=True)
    options = yaml.safe_load(result.stdout).get("CheckOptions") or {}
    if isinstance(options, list):  # the older list-of-pairs form
        options = {o["key"]: o["value"] for o in options}
    flags = {}
    for key, default in options.items():
        check, _, name = key.partition(".")
        if check.startswith("pgtable-") and name != "PairingScope":
            flags["--" + kebab_case(name)] = (name, str(default))
    if not flags:
        raise SystemExit("clang-tidy --dump-config shows no pgtable-* option")
    return flags


def tidy_settings(cli_args, scope):
    """The -checks and CheckOptions equivalent to the CLI's ARGS, with
    PairingScope SCOPE (the plugin's own option)."""
    rules = None
    disabled = []
    options = {"PairingScope": scope}
    for arg in cli_args:
        name, _, value = arg.partition("=")
        key, default = OPTION_FLAGS.get(name, (None, None))
        boolean = default in ("true", "false")
        if key and not boolean and value:
            options[key] = value
        elif key and boolean and arg == name:
            options[key] = "true"
        elif name == "--rules" and value:
            rules = [r.strip() for r in value.split(",") if r.strip()]
        elif name == "--disable-rule" and value:
            disabled += [r.strip() for r in value.split(",") if r.strip()]
        else:
            raise Unmappable("the CLI switch '%s' has no check option" % arg)
    checks = "-*," + (",".join("pgtable-" + r for r in rules)
                      if rules and rules != ["all"] else "pgtable-*")
    checks += "".join(",-pgtable-" + r for r in disabled)
    return checks, options


def tidy_config(options):
    return json.dumps({"CheckOptions": options}, sort_keys=True)


def parse_run_line(line, refimpl_include, source_dir=""):
    """The CLI ARGS, FLAGS and variant name of one %check_fixes RUN line
    (%S: SOURCE_DIR, the test's directory); None for another kind of RUN
    line. Raises Unmappable for a run that clang-tidy cannot do."""
    words = shlex.split(line)
    if not words or words[0] != "%check_fixes":
        return None
    words = [w.replace("%refimpl_include", refimpl_include)
             .replace("%S", source_dir) for w in words]
    suffix = ""
    cli_only = []
    i = 1
    while words[i] != "%s":
        word = words[i]
        if word.startswith("--check-suffix"):
            if "=" in word:
                suffix = word.split("=", 1)[1]
            else:
                i += 1
                suffix = words[i]
        elif word.startswith("--expect-exit"):
            if "=" not in word:
                i += 1
        elif word.startswith(("--scan-tree", "--no-database")):
            cli_only.append(word)
            if word == "--scan-tree":
                i += 1
        else:
            raise SystemExit("RUN line with unknown %%check_fixes option "
                             "'%s': %s" % (word, line))
        i += 1
    temp = words[i + 1]
    if not temp.startswith("%t"):
        raise SystemExit("RUN line whose TEMP is not under %%t: %s" % line)
    rest = words[i + 2:]  # after %s and %t...
    args, flags = [], []
    if rest and rest[0] == "--":
        rest = rest[1:]
        if "--" in rest:
            split = rest.index("--")
            args, flags = rest[:split], rest[split + 1:]
        else:
            args = rest
    for word in args + flags:
        if "%" in word.replace("%%", ""):
            raise SystemExit("unknown lit substitution in '%s'" % line)
    args = [w.replace("%%", "%") for w in args]
    flags = [w.replace("%%", "%") for w in flags]
    return {"suffix": suffix, "args": args, "flags": flags,
            "cli_only": cli_only,
            # Where check_fixes.py puts the input: its path can matter
            # (arch/<name>/ decides pairing groups and arch-local names).
            "temp": "t" + temp[2:] + ".c"}


class Run:
    """One comparison: a root directory, the CLI command, the clang-tidy
    commands (each with its working directory)."""

    def __init__(self, name, root):
        self.name = name
        self.root = root
        self.cli = None
        self.tidy = []  # TidyRun
        self.not_for_tidy = None
        # Tree runs compare clang-tidy with each PairingScope: the default
        # ("run") and "unit" (labelled as such).
        self.scopes = [None]


class TidyRun:
    """One run-clang-tidy over the database in BUILD. With UNIT, a (source,
    flags) pair, prepare() writes that database first: one unit compiled in
    the run's root with FLAGS, as clang-tidy SOURCE -- FLAGS would."""

    def __init__(self, build, checks="-*,pgtable-*", options=None,
                 header_filter=".*", unit=None):
        self.build = build
        self.checks = checks
        self.options = options
        self.header_filter = header_filter
        self.unit = unit


def lit_runs(testdata, refimpl_include, work):
    runs = []
    for rule_dir in sorted(os.listdir(testdata)):
        path = os.path.join(testdata, rule_dir)
        if rule_dir in NOT_RULE_DIRS or not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith(".c"):
                continue
            source = os.path.join(path, name)
            with open(source, encoding="utf-8") as f:
                lines = [(number, m.group(1))
                         for number, text in enumerate(f, 1)
                         for m in [re.search(r"RUN: *(.*)", text)] if m]
            for number, line in lines:
                run_line = parse_run_line(line, refimpl_include, path)
                if run_line is None:
                    continue
                variant = run_line["suffix"] or "default"
                label = "%s/%s%s" % (rule_dir, name,
                                     " " + run_line["suffix"]
                                     if run_line["suffix"] else "")
                root = os.path.join(work, "lit", rule_dir,
                                    "%s.%d.%s" % (name, number, variant))
                run = Run("lit " + label, root)
                copy = os.path.join(root, run_line["temp"])
                run.copy = (source, copy)
                run.cli = ([TOOL, "--no-cache", copy] + run_line["args"] + ["--"] +
                           run_line["flags"])
                if run_line["cli_only"]:
                    run.not_for_tidy = (
                        "the lexical tree scan is the CLI's alone (%s)" %
                        " ".join(run_line["cli_only"] + run_line["args"]))
                else:
                    try:
                        # The CLI given one unit pairs within that unit.
                        checks, options = tidy_settings(run_line["args"],
                                                        "unit")
                        run.tidy = [TidyRun(
                            os.path.join(root, "tidy-build"), checks, options,
                            unit=(copy, run_line["flags"]))]
                    except Unmappable as e:
                        run.not_for_tidy = str(e)
                runs.append(run)
    return runs


def make_db(tree, out, refimpl_include, defines=(), files=(), includes=()):
    cmd = [sys.executable, MAKE_DB, tree, out, "--system-include", refimpl_include]
    for include in includes:
        cmd += ["--include", include]
    for define in defines:
        cmd += ["-D", define]
    cmd += list(files)
    subprocess.run(cmd, check=True)
    return out


def tree_header_filter(tree):
    """clang-tidy's -header-filter for the headers of one tree. clang-tidy
    matches a header by the name it was opened with: relative names are
    relative to the compile command's directory, which is the tree."""
    return "^(%s/|[^/])" % re.escape(tree)


def tree_runs(testdata, refimpl_include, work):
    inputs = os.path.join(testdata, "Inputs")
    runs = []

    def tree(name, source):
        root = os.path.join(work, "trees", name)
        run = Run("tree " + name, root)
        copy = os.path.join(root, "tree")
        run.copy_tree = (source, copy)
        # As `make run` does: the tree is the root; clang-tidy shows (and
        # fixes) the headers of the same tree.
        run.cli_extra = ["--root", copy]
        run.header_filter = tree_header_filter(copy)
        return run, copy

    # sample-tree, as CMake generates its database for `make run`; the one
    # tree with zeroed-page sites, so clang-tidy runs in both pairing scopes.
    run, copy = tree("sample-tree", os.path.join(testdata, "sample-tree"))
    run.both_scopes = True
    run.setup = lambda run=run, copy=copy: [make_db(
        copy, os.path.join(run.root, "db", "compile_commands.json"),
        refimpl_include)]
    runs.append(run)

    # The driver tests' fixture tree: default configuration, then both.
    for name, hotplug in (("Inputs/tree", False),
                          ("Inputs/tree (+ hotplug database)", True)):
        run, copy = tree(name.replace(" ", "_").replace("(", "").replace(
            ")", "").replace("+", "and"), os.path.join(inputs, "tree"))
        run.name = "tree " + name

        def setup(run=run, copy=copy, hotplug=hotplug):
            dbs = [make_db(copy, os.path.join(run.root, "build",
                                              "compile_commands.json"),
                           refimpl_include)]
            if hotplug:
                dbs.append(make_db(
                    copy, os.path.join(run.root, "build-hotplug",
                                       "compile_commands.json"),
                    refimpl_include, defines=["CONFIG_MEMORY_HOTPLUG"],
                    files=["arch/x86/mm/init.c"]))
            return dbs
        run.setup = setup
        runs.append(run)

    # Two configurations that disagree about a header (driver/conflict.test).
    run, copy = tree("Inputs/conflict", os.path.join(inputs, "conflict"))
    run.setup = lambda run=run, copy=copy: [
        make_db(copy, os.path.join(run.root, "db-plain",
                                   "compile_commands.json"),
                refimpl_include, files=["plain.c"]),
        make_db(copy, os.path.join(run.root, "db-traced",
                                   "compile_commands.json"),
                refimpl_include, defines=["ARCH_TRACES_PAGETABLE_FREE"],
                files=["traced.c"])]
    runs.append(run)

    # A header outside --root (driver/outside-root.test): clang-tidy's
    # -header-filter limits it to the same tree.
    run = Run("tree Inputs/outside-root", os.path.join(work, "trees",
                                                       "Inputs/outside-root"))
    run.copy_tree = (os.path.join(inputs, "outside-root"),
                     os.path.join(run.root, "outside-root"))
    tree_dir = os.path.join(run.root, "outside-root", "tree")
    run.setup = lambda run=run, tree_dir=tree_dir: [make_db(
        tree_dir, os.path.join(run.root, "build", "compile_commands.json"),
        refimpl_include,
        includes=[os.path.join(run.root, "outside-root", "shared")])]
    run.cli_extra = ["--root", tree_dir]
    run.header_filter = tree_header_filter(tree_dir)
    runs.append(run)

    # The name-conflicts tree (name-conflicts/tree.test, split from that
    # file; its database as that test makes it), AST half only: reported,
    # then renamed.
    for rename in (False, True):
        name = "name-conflicts/tree.test" + (" (renamed)" if rename else "")
        root = os.path.join(work, "trees", "name-conflicts",
                            "rename" if rename else "report")
        run = Run("tree " + name, root)
        copy = os.path.join(root, "tree")
        run.cli_extra = ["--root", copy] + (["--rename-conflicts"]
                                            if rename else [])
        run.tidy_options = {"RenameConflicts": "true"} if rename else {}
        run.header_filter = tree_header_filter(copy)

        def setup(run=run, copy=copy):
            subprocess.run([SPLIT_FILE, os.path.join(
                testdata, "name-conflicts", "tree.test"), copy], check=True)
            return [make_db(copy, os.path.join(run.root, "build",
                                               "compile_commands.json"),
                            refimpl_include,
                            includes=[os.path.join(copy, "arch/powerpc/include")],
                            files=["arch/powerpc/mm/pgtable.c",
                                   "arch/arm64/mm/mmu.c",
                                   "arch/x86/mm/user.c",
                                   "mm/pgtable-api.c"])]
        run.setup = setup
        runs.append(run)

    # One file with flags after '--' (driver/format-style.test's input).
    run = Run("file Inputs/format/long_call.c",
              os.path.join(work, "trees", "Inputs/format"))
    source = os.path.join(inputs, "format", "long_call.c")
    copy = os.path.join(run.root, "long_call.c")
    run.copy = (source, copy)
    flags = ["-I" + refimpl_include]
    run.cli = [TOOL, "--no-cache", copy, "--"] + flags
    run.tidy = [TidyRun(os.path.join(run.root, "tidy-build"),
                        unit=(copy, flags))]
    runs.append(run)
    return runs


def prepare(run):
    if os.path.exists(run.root):
        shutil.rmtree(run.root)
    os.makedirs(run.root)
    if hasattr(run, "copy"):
        # As check_fixes.py runs the rule tests: expectation comments
        # blanked, line numbers kept.
        with open(run.copy[0], encoding="utf-8") as f:
            text = f.read()
        os.makedirs(os.path.dirname(run.copy[1]), exist_ok=True)
        with open(run.copy[1], "w", encoding="utf-8") as f:
            f.write(re.sub(r"// *CHECK-[A-Z0-9-]*:[^\r\n]*", "//", text))
    if hasattr(run, "copy_tree"):
        shutil.copytree(*run.copy_tree,
                        ignore=shutil.ignore_patterns(".clang-format"))
    for tidy in run.tidy:
        if tidy.unit:
            source, flags = tidy.unit
            os.makedirs(tidy.build)
            with open(os.path.join(tidy.build, "compile_commands.json"), "w",
                      encoding="utf-8") as f:
                json.dump([{"directory": run.root, "file": source,
                            "arguments": ["clang"] + flags + [source]}], f)
    if hasattr(run, "setup"):
        dbs = run.setup()
        run.cli = [TOOL, "--no-cache"] + sum((["-p", os.path.dirname(db)] for db in dbs),
                               []) + getattr(run, "cli_extra", [])
        run.dbs = dbs
        run.scopes = ["run", "unit"] if getattr(run, "both_scopes",
                                                False) else ["run"]


def tidy_commands(run, scope):
    if scope is None:
        return run.tidy
    options = dict(getattr(run, "tidy_options", {}))
    options["PairingScope"] = scope
    return [TidyRun(os.path.dirname(db), options=options,
                    header_filter=getattr(run, "header_filter", ".*"))
            for db in run.dbs]


def absolute(path, directory):
    return os.path.normpath(os.path.join(directory or "/", path))


def position(path, offset, cache={}):
    if path not in cache:
        with open(path, "rb") as f:
            cache[path] = f.read()
    data = cache[path][:offset]
    line = data.count(b"\n") + 1
    column = offset - (data.rfind(b"\n") + 1) + 1
    return line, column


def cli_results(run):
    fixes_file = os.path.join(run.root, "cli-fixes.yaml")
    diags_file = os.path.join(run.root, "cli-diagnostics.json")
    cmd = (run.cli[:1] + ["--quiet", "--export-fixes=" + fixes_file,
                          "--format=json", "--diagnostics-file=" + diags_file] +
           run.cli[1:])
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, universal_newlines=True,
                            cwd=run.root)
    failed = set(absolute(path, run.root) for path in
                 re.findall(r"error: cannot parse '(.*?)'", result.stderr))
    # A unit that does not parse, or files to edit outside --root (whose
    # sites are refused): the run's outputs are still complete.
    other_errors = [line for line in result.stderr.splitlines()
                    if line.startswith("pgtable-migrate: error:") and
                    "cannot parse" not in line and
                    " outside the root " not in line]
    outside_root = " outside the root " in result.stderr
    if result.returncode not in (0, 1) and (other_errors or
                                            not (failed or outside_root)):
        raise SystemExit("%s: the CLI failed (%d): %s\n%s" %
                         (run.name, result.returncode, " ".join(cmd),
                          result.stderr))
    fixes = set()
    if os.path.exists(fixes_file):
        with open(fixes_file, encoding="utf-8") as f:
            document = yaml.safe_load(f) or {}
        for r in document.get("Replacements") or []:
            fixes.add((absolute(r["FilePath"], None), r["Offset"], r["Length"],
                       r["ReplacementText"] or ""))
    diags, edits = set(), {}
    with open(diags_file, encoding="utf-8") as f:
        for finding in json.load(f)["findings"]:
            diag = (absolute(finding["file"], run.root), finding["line"],
                    finding["column"], finding["message"], finding["rule"])
            diags.add(diag)
            edits.setdefault(diag, set()).update(
                (absolute(r["file"], None), r["offset"], r["length"], r["text"])
                for r in finding["replacements"])
    return fixes, diags, failed, edits


def tidy_results(run, scope):
    fixes, diags, failed = set(), set(), set()
    for index, tidy in enumerate(tidy_commands(run, scope)):
        fixes_file = os.path.join(run.root, "tidy-fixes-%d.yaml" % index)
        cmd = RUN_CLANG_TIDY + ["-load", PLUGIN, "-checks=" + tidy.checks,
                                "-header-filter=" + tidy.header_filter,
                                "-quiet", "-p", tidy.build,
                                "-export-fixes", fixes_file]
        if tidy.options is not None:
            cmd.append("-config=" + tidy_config(tidy.options))
        result = subprocess.run(cmd, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE,
                                universal_newlines=True, cwd=run.root)
        document = {}
        if os.path.exists(fixes_file):
            with open(fixes_file, encoding="utf-8") as f:
                document = yaml.safe_load(f) or {}
        # A unit with compile errors: clang-tidy reports them as
        # clang-diagnostic-error, says "Error while processing UNIT." and
        # exits 1, and applies none of its fixes (no -fix-errors); the CLI
        # skips the unit. Which units fail is compared.
        unit_failures = set(os.path.normpath(path) for path in re.findall(
            r"^Error while processing (.*)\.$", result.stderr, re.M))
        failed |= unit_failures
        if result.returncode != 0 and not unit_failures:
            raise SystemExit("%s: run-clang-tidy failed (%d): %s\n%s%s" %
                             (run.name, result.returncode, " ".join(cmd),
                              result.stdout, result.stderr))
        for d in document.get("Diagnostics") or []:
            name = d["DiagnosticName"]
            if name == "clang-diagnostic-error" and unit_failures:
                continue  # the failure is compared, not its messages
            if not name.startswith("pgtable-"):
                raise SystemExit("%s: clang-tidy reported %s: %s" %
                                 (run.name, name, d))
            message = d["DiagnosticMessage"]
            build = d.get("BuildDirectory") or run.root
            path = absolute(message["FilePath"], build)
            line, column = position(path, message["FileOffset"])
            diags.add((path, line, column, message["Message"],
                       name[len("pgtable-"):]))
            for r in message.get("Replacements") or []:
                fixes.add((absolute(r["FilePath"], build), r["Offset"],
                           r["Length"], r["ReplacementText"] or ""))
    return fixes, diags, failed


def show(run, text):
    """Text without this machine's directories: paths in the run's copy are
    relative to it, the source tree is <source>."""
    return (text.replace(run.root + "/", "").replace(SOURCE + "/",
                                                      "<source>/"))


def describe_fix(run, fix):
    path, offset, length, text = fix
    line, column = position(path, offset)
    return "%s:%d:%d: replace %d bytes with %s" % (
        show(run, path), line, column, length, json.dumps(text))


def describe_diag(run, diag):
    path, line, column, message, rule = diag
    return "%s:%d:%d: %s [%s]" % (show(run, path), line, column,
                                  show(run, message), rule)


WITHDRAWN = re.compile(
    r"not converted: it pairs \((.*?)\) with the allocations and frees of "
    r"other translation units, which one clang-tidy unit does not see "
    r"\(.*?\); it would (.*)$")


def withdrawn_across_units(run, name, cli_fixes, cli_diags, cli_edits,
                           tidy_fixes, tidy_diags):
    """With PairingScope 'run', clang-tidy refuses what the CLI converts in
    pairing groups that reach beyond one unit. Such a pair of diagnostics
    is one difference line, if the refusal is exactly the CLI's conversion
    withdrawn: same place, same rule, "it would <the CLI's message>", and
    the CLI's edits for that site absent from clang-tidy's. Removes what it
    accounts for from the sets."""
    lines = []
    tidy_only = sorted(tidy_diags - cli_diags)
    for cli in sorted(cli_diags - tidy_diags):
        for tidy in tidy_only:
            m = WITHDRAWN.match(tidy[3])
            if not m or tidy[:3] != cli[:3] or tidy[4] != cli[4]:
                continue
            message = cli[3]
            would = (message if message.startswith("replace ") else
                     "do: " + message)
            edits = cli_edits.get(cli, set())
            if m.group(2) != would or not edits or edits & tidy_fixes:
                continue
            cli_diags.discard(cli)
            tidy_diags.discard(tidy)
            cli_fixes.difference_update(edits)
            lines.append("%s: withdrawn, paired across units (%s): %s:%d:%d "
                         "[%s]" % (name, m.group(1), show(run, cli[0]),
                                   cli[1], cli[2], cli[4]))
            break
    return lines


def compare(run):
    """The differences of one run, as lines, and how much agreed."""
    prepare(run)
    if run.not_for_tidy:
        return ["%s: not run through clang-tidy: %s" %
                (run.name, run.not_for_tidy)], 0, 0
    all_lines, same_fixes, same_diags = [], 0, 0
    results = cli_results(run)
    for scope in run.scopes:
        cli_fixes, cli_diags, cli_failed, cli_edits = (set(r) if isinstance(
            r, set) else r for r in results)
        tidy_fixes, tidy_diags, tidy_failed = tidy_results(run, scope)
        name = run.name + (" [PairingScope unit]" if scope == "unit" else "")
        lines = withdrawn_across_units(run, name, cli_fixes, cli_diags,
                                       cli_edits, tidy_fixes, tidy_diags)
        for side, only in (("pgtable-migrate", cli_failed - tidy_failed),
                           ("clang-tidy", tidy_failed - cli_failed)):
            lines += sorted("%s: only %s fails to parse %s" %
                            (name, side, show(run, path)) for path in only)
        for side, only in (("pgtable-migrate", cli_fixes - tidy_fixes),
                           ("clang-tidy", tidy_fixes - cli_fixes)):
            lines += sorted("%s: fix only from %s: %s" %
                            (name, side, describe_fix(run, f)) for f in only)
        for side, only in (("pgtable-migrate", cli_diags - tidy_diags),
                           ("clang-tidy", tidy_diags - cli_diags)):
            lines += sorted("%s: diagnostic only from %s: %s" %
                            (name, side, describe_diag(run, d)) for d in only)
        all_lines += lines
        same_fixes += len(cli_fixes & tidy_fixes)
        same_diags += len(cli_diags & tidy_diags)
    return all_lines, same_fixes, same_diags


def read_expected(path):
    expected = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                expected.append(line)
    return expected


def main():
    global TOOL, CLANG_TIDY, PLUGIN, RUN_CLANG_TIDY, OPTION_FLAGS
    global MAKE_DB, SOURCE, SPLIT_FILE
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--run-clang-tidy", required=True)
    parser.add_argument("--testdata", required=True)
    parser.add_argument("--refimpl-include", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--write-actual")
    args = parser.parse_args()
    TOOL, CLANG_TIDY, PLUGIN = (os.path.abspath(p) for p in (
        args.tool, args.clang_tidy, args.plugin))
    RUN_CLANG_TIDY = shlex.split(args.run_clang_tidy)
    OPTION_FLAGS = check_option_flags()
    MAKE_DB = os.path.join(args.testdata, "Inputs", "make_db.py")
    SOURCE = os.path.dirname(os.path.abspath(args.testdata))
    SPLIT_FILE = shutil.which("split-file") or "/usr/lib/llvm-16/bin/split-file"
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, ".clang-format"), "w") as f:
        f.write("DisableFormat: true\n")

    runs = (lit_runs(args.testdata, args.refimpl_include, work) +
            tree_runs(args.testdata, args.refimpl_include, work))
    actual, same_fixes, same_diags = [], 0, 0
    for run in runs:
        lines, fixes, diags = compare(run)
        actual += lines
        same_fixes += fixes
        same_diags += diags
    if args.write_actual:
        with open(args.write_actual, "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in actual))

    expected = read_expected(args.expected)
    unexpected = sorted(set(actual) - set(expected))
    missing = sorted(set(expected) - set(actual))
    print("%d runs; %d replacements and %d diagnostics the same from both "
          "front ends; %d listed differences" %
          (len(runs), same_fixes, same_diags, len(set(actual))))
    if unexpected or missing:
        for line in unexpected:
            print("unexpected difference: " + line)
        for line in missing:
            print("listed difference that did not occur: " + line)
        sys.exit(1)


if __name__ == "__main__":
    main()
