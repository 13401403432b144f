#!/usr/bin/env python3
"""Runs pgtable-migrate on one lit input in the clang-tidy test convention.

    check_fixes.py --tool TOOL [--check-suffix S] INPUT TEMP [-- ARGS] [-- FLAGS]
    check_fixes.py --clang-tidy CLANG_TIDY --plugin LIB [--check-suffix S]
                   INPUT TEMP [-- ARGS] [-- FLAGS]

INPUT carries its expectations as comments:
  // CHECK-MESSAGES: :[[@LINE-1]]:2: warning: ... [ptdesc-free]
  // CHECK-FIXES: {{^}}	pgtable_free(pmd);{{$}}
(with --check-suffix S, the prefixes are CHECK-MESSAGES-S / CHECK-FIXES-S).
The expectation comments are blanked (line numbers stay), the result is
written to TEMP.c, and the tool edits it in place: `TOOL TEMP.c -i ARGS --
FLAGS`. Its diagnostics are checked against CHECK-MESSAGES (any other
warning or error is a failure), the edited file against CHECK-FIXES.

--scan-tree DIR adds the lexical scan of DIR (rule name-conflicts);
--no-database then runs the scan alone (`TOOL --scan-tree=DIR -i ARGS`), as
for a file no compile database covers.

With --clang-tidy, the plugin's checks do the same job:
`CLANG_TIDY -load=LIB -checks=-*,pgtable-* -header-filter=.* -fix ARGS
TEMP.c -- FLAGS` (ARGS may give its own -checks=). Its diagnostics read
`... [pgtable-<rule>]`. The lexical scan is the CLI's alone.
"""

import argparse
import os
import re
import subprocess
import sys


def run_filecheck(input_file, check_file, prefix, extra):
    cmd = ["FileCheck", "-input-file=" + input_file, check_file,
           "-check-prefix=" + prefix] + extra
    result = subprocess.run(cmd)
    if result.returncode != 0:
        sys.exit("FileCheck failed: " + " ".join(cmd))


def tidy_command(args, source, tidy_args, flags):
    if not args.plugin:
        sys.exit("--clang-tidy needs --plugin")
    checks = [] if any(a.startswith(("-checks=", "--checks="))
                       for a in tidy_args) else ["-checks=-*,pgtable-*"]
    return ([args.clang_tidy, "-load=" + args.plugin, "-header-filter=.*",
             "-fix", "-quiet"] + checks + tidy_args + [source, "--"] + flags)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool")
    parser.add_argument("--clang-tidy")
    parser.add_argument("--plugin")
    parser.add_argument("--check-suffix", default="")
    parser.add_argument("--expect-exit", type=int, default=0)
    parser.add_argument("--scan-tree")
    parser.add_argument("--no-database", action="store_true")
    parser.add_argument("input")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    rest = []
    if "--" in argv:
        split = argv.index("--")
        argv, rest = argv[:split], argv[split + 1:]
    args = parser.parse_args(argv)

    tool_args, flags = rest, []
    if "--" in rest:
        split = rest.index("--")
        tool_args, flags = rest[:split], rest[split + 1:]

    suffix = "-" + args.check_suffix if args.check_suffix else ""
    messages_prefix = "CHECK-MESSAGES" + suffix
    fixes_prefix = "CHECK-FIXES" + suffix

    with open(args.input, encoding="utf-8") as f:
        text = f.read()
    directive = r"(-DAG|-NEXT|-SAME|-NOT|-LABEL|-EMPTY)?:"
    has_messages = re.search(r"\b" + messages_prefix + directive, text)
    has_fixes = re.search(r"\b" + fixes_prefix + directive, text)
    cleaned = re.sub(r"// *CHECK-[A-Z0-9-]*:[^\r\n]*", "//", text)

    temp_source = args.temp + ".c"
    os.makedirs(os.path.dirname(os.path.abspath(temp_source)), exist_ok=True)
    with open(temp_source, "w", encoding="utf-8") as f:
        f.write(cleaned)

    scan = ["--scan-tree=" + args.scan_tree] if args.scan_tree else []
    if args.clang_tidy:
        if scan or args.no_database:
            sys.exit("--scan-tree and --no-database are the CLI's alone")
        cmd = tidy_command(args, temp_source, tool_args, flags)
    elif not args.tool:
        sys.exit("give --tool or --clang-tidy")
    elif args.no_database:
        cmd = [args.tool, "--no-cache"] + scan + ["-i", "--quiet"] + tool_args
    else:
        cmd = ([args.tool, "--no-cache", temp_source] + scan +
               ["-i", "--quiet"] + tool_args +
               ["--"] + flags)
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != args.expect_exit:
        sys.exit("exit status %d, expected %d: %s" %
                 (result.returncode, args.expect_exit, " ".join(cmd)))

    # pgtable-migrate writes its diagnostics to stderr; clang-tidy writes
    # them to stdout and its own errors (bad options, bad plugin) to stderr.
    diagnostics = result.stderr
    if args.clang_tidy:
        diagnostics = result.stdout + "".join(
            line + "\n" for line in result.stderr.splitlines()
            if re.search(r"(warning|error):", line))
    messages_file = args.temp + ".msg"
    with open(messages_file, "w", encoding="utf-8") as f:
        f.write(diagnostics)
    if has_messages:
        run_filecheck(messages_file, args.input, messages_prefix,
                      ["-implicit-check-not={{warning|error}}:"])
    elif re.search(r"(warning|error):", diagnostics):
        sys.exit("unexpected diagnostics (no %s lines):\n%s" %
                 (messages_prefix, diagnostics))
    if has_fixes:
        run_filecheck(temp_source, args.input, fixes_prefix,
                      ["-strict-whitespace"])


if __name__ == "__main__":
    main()
