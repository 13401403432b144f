#!/usr/bin/env python3
"""The html.report test: pgtable-migrate --html over the sample tree, checked
in headless Chromium by report_test.mjs against the JSON diagnostics of the
same run.

Runs the tool into WORKDIR (findings.json, report.html), then
report_test.mjs from the source directory: it drives Chromium itself over
the DevTools protocol (cdp.mjs), with no npm package, so nothing is fetched
and the test runs offline. The screenshot is WORKDIR/report.png.
"""

import argparse
import os
import shutil
import subprocess
import sys


def fail(message):
    sys.exit(f"run_report_test: {message}")


def run(args, **kwargs):
    print("+ " + " ".join(args), flush=True)
    result = subprocess.run(args, **kwargs)
    if result.returncode != 0:
        fail(f"{args[0]} exited with {result.returncode}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", required=True)
    parser.add_argument("--sample-db", required=True)
    parser.add_argument("--sample-tree", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--test-dir", required=True,
                        help="report_test.mjs and cdp.mjs")
    args = parser.parse_args()
    if shutil.which("node") is None:
        fail("node not found (make deps installs it)")

    workdir = os.path.abspath(args.workdir)
    os.makedirs(workdir, exist_ok=True)
    findings = os.path.join(workdir, "findings.json")
    report = os.path.join(workdir, "report.html")
    screenshot = os.path.join(workdir, "report.png")
    for stale in (findings, report, screenshot):
        if os.path.exists(stale):
            os.remove(stale)

    # The diff on stdout is not what this test checks.
    run([args.tool, "-p", args.sample_db, "--root", args.sample_tree,
         args.sample_tree, "--no-cache", "--quiet", "--format=json",
         "--diagnostics-file", findings, "--html", report],
        stdout=subprocess.DEVNULL)

    run(["node", os.path.join(args.test_dir, "report_test.mjs"),
         "--report", report, "--json", findings, "--screenshot", screenshot],
        cwd=workdir)
    print(f"screenshot: {screenshot}")


if __name__ == "__main__":
    main()
