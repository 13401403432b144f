#!/usr/bin/env python3
"""Validates the CI recipes in docs/ci without running them.

    validate_recipes.py --tool PGTABLE_MIGRATE --repo REPO_ROOT RECIPE...

For each recipe (a GitHub Actions workflow or a GitLab CI file): the YAML
parses; every pgtable-migrate command it runs uses only options the tool
has (its --help-hidden), with --check so that the job fails while edits
are pending, and --format=sarif; every scripts/kernel-dbs command uses
options and arches the script takes; every `make -C ... TARGET` names a
target of the Makefile; the tool writes the HTML report and the series
(--html, --series) for a reviewer; and the files it writes
(--diagnostics-file, --html, --series) are the ones the recipe uploads or
keeps. A word ${VAR:+WORD} (an option given only when VAR is set, as
--since on a pull request) is checked as WORD.
"""

import argparse
import os
import posixpath
import re
import shlex
import subprocess
import sys

import yaml


def tool_options(tool):
    text = subprocess.run([tool, "--help-hidden"], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True).stdout
    return set(re.findall(r"^\s+(--?[A-Za-z][\w-]*)", text, re.M))


def kernel_dbs_interface(repo):
    with open(os.path.join(repo, "scripts", "kernel-dbs")) as f:
        text = f.read()
    letters = re.search(r'getopts "([^"]+)"', text).group(1)
    takes_value = {l for l, nxt in zip(letters, letters[1:] + " ")
                   if nxt == ":"}
    arches = re.search(r"x86 \| x86_64 \| ([^)]+)\) ;;", text).group(1)
    arches = {"x86", "x86_64"} | {a.strip() for a in arches.split("|")}
    return {l for l in letters if l != ":"}, takes_value, arches


def makefile_targets(repo):
    with open(os.path.join(repo, "Makefile")) as f:
        return set(re.findall(r"^([A-Za-z][\w-]*):", f.read(), re.M))


class Recipe:
    """The commands of one recipe, with the directory each runs in, and
    what it uploads or keeps."""

    def __init__(self, path):
        self.path = path
        with open(path) as f:
            self.doc = yaml.safe_load(f)
        self.commands = []  # (working directory, command text)
        self.kept = []      # paths uploaded or kept, from the job's root
        if "jobs" in self.doc:
            for job in self.doc["jobs"].values():
                for step in job.get("steps", []):
                    if "run" in step:
                        self.commands.append(
                            (step.get("working-directory", "."), step["run"]))
                    with_ = step.get("with", {})
                    uses = step.get("uses", "")
                    if "upload-sarif" in uses:
                        self.kept.append(with_["sarif_file"])
                    if "upload-artifact" in uses:
                        self.kept += with_["path"].split()
        else:
            for name, job in self.doc.items():
                if not isinstance(job, dict) or "script" not in job:
                    continue
                for key in ("before_script", "script"):
                    for line in job.get(key, []):
                        self.commands.append((".", line))
                self.kept += job.get("artifacts", {}).get("paths", [])


def words_of(command):
    """Each simple command of a shell text, as its words; ${VAR:+WORD}
    as WORD."""
    command = re.sub(r"\$\{\w+:\+([^}]*)\}", r"\1", command)
    for part in re.split(r"&&|\|\||;|\n", command.replace("\\\n", " ")):
        part = part.strip()
        if part:
            yield shlex.split(part)


def check(recipe, options, dbs, targets, errors):
    where = os.path.basename(recipe.path)
    ran_tool = False
    dbs_letters, dbs_values, dbs_arches = dbs
    for workdir, command in recipe.commands:
        for words in words_of(command):
            if not words:
                continue
            program = posixpath.basename(words[0])
            if program == "pgtable-migrate":
                ran_tool = True
                used = set()
                for word in words[1:]:
                    if word.startswith("-"):
                        name = word.split("=", 1)[0]
                        used.add(name)
                        if name not in options:
                            errors.append("%s: pgtable-migrate has no "
                                          "option '%s'" % (where, name))
                for needed in ("--check", "--format"):
                    if needed not in used:
                        errors.append("%s: pgtable-migrate runs without %s"
                                      % (where, needed))
                if "--format=sarif" not in words:
                    errors.append("%s: the diagnostics are not SARIF" % where)
                for needed in ("--html", "--series"):
                    if needed not in used:
                        errors.append("%s: pgtable-migrate runs without %s: "
                                      "nothing for a reviewer to read"
                                      % (where, needed))
                for word in words[1:]:
                    for flag in ("--diagnostics-file=", "--html=",
                                 "--series="):
                        if not word.startswith(flag):
                            continue
                        written = posixpath.normpath(
                            posixpath.join(workdir, word[len(flag):]))
                        kept = {posixpath.normpath(k) for k in recipe.kept}
                        if written not in kept:
                            errors.append("%s: %s is written but not "
                                          "uploaded or kept (%s)"
                                          % (where, written, sorted(kept)))
            elif program == "kernel-dbs":
                args = iter(words[1:])
                for word in args:
                    if word.startswith("-"):
                        letter = word[1:]
                        if letter not in dbs_letters:
                            errors.append("%s: kernel-dbs has no option %s"
                                          % (where, word))
                        if letter in dbs_values:
                            next(args, None)
                    elif word not in dbs_arches:
                        errors.append("%s: kernel-dbs takes no arch '%s'"
                                      % (where, word))
            elif program == "make" and "-C" in words:
                given = [w for w in words[1:] if not w.startswith("-")
                         and w != words[words.index("-C") + 1]]
                for target in given:
                    if target not in targets:
                        errors.append("%s: the Makefile has no target '%s'"
                                      % (where, target))
    if not ran_tool:
        errors.append("%s: never runs pgtable-migrate" % where)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--repo", required=True)
    # For the validator's own test: the errors a broken recipe must give
    # (each a regular expression); then exactly those pass.
    parser.add_argument("--expect-error", action="append", default=[])
    parser.add_argument("recipes", nargs="+")
    args = parser.parse_args()
    options = tool_options(args.tool)
    dbs = kernel_dbs_interface(args.repo)
    targets = makefile_targets(args.repo)
    errors = []
    for path in args.recipes:
        try:
            recipe = Recipe(path)
        except (yaml.YAMLError, KeyError, TypeError) as e:
            errors.append("%s: %s" % (path, e))
            continue
        check(recipe, options, dbs, targets, errors)
        print("%s: %d commands checked" % (path, len(recipe.commands)))
    for e in errors:
        print("error: " + e)
    if args.expect_error:
        missing = [x for x in args.expect_error
                   if not any(re.search(x, e) for e in errors)]
        extra = [e for e in errors
                 if not any(re.search(x, e) for x in args.expect_error)]
        for x in missing:
            print("expected error not given: /%s/" % x)
        for e in extra:
            print("unexpected error: " + e)
        sys.exit(1 if missing or extra else 0)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
