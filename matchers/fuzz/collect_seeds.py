#!/usr/bin/env python3
"""Collects a fuzz target's seed corpus into the build tree.

collect_seeds.py [--scanner] --out DIR --list FILE ROOT...

Copies the seed files found under each ROOT into DIR (emptied first) and
writes FILE: the copies' paths, comma-separated, for libFuzzer's
-seed_inputs=@FILE. Without --scanner every file is copied as it is. With
--scanner only .c, .h and .S files are taken, twice each (renaming off and
on), each copy prefixed with the selector byte ScannerFuzzer reads first,
chosen from the file's place so that the copy is scanned as a file of the
same kind: its extension, arch/x86/, another arch, mm/ or elsewhere.
"""

import argparse
import os
import shutil
import sys

EXTENSIONS = (".c", ".h", ".S")  # ScannerFuzzer.cpp: Extensions
SELECTOR_BASE = 48  # ScannerFuzzer.cpp: the selector is the byte modulo 48


def directory_index(rel):
    # ScannerFuzzer.cpp: Directories = arch/x86/mm, arch/sparc/mm, mm,
    # include/linux.
    parts = rel.split("/")
    if "arch" in parts[:-1]:
        at = parts.index("arch")
        if at + 1 < len(parts) - 1:
            return 0 if parts[at + 1] == "x86" else 1
    if "mm" in parts[:-1]:
        return 2
    return 3


def selector(rel, rename):
    ext = EXTENSIONS.index(os.path.splitext(rel)[1])
    kind = ext + 3 * directory_index(rel) + 12 * int(rename)
    return bytes([SELECTOR_BASE + kind])


def seed_files(root, scanner):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if scanner and os.path.splitext(name)[1] not in EXTENSIONS:
                continue
            yield os.path.join(dirpath, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scanner", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("--list", required=True)
    parser.add_argument("roots", nargs="+")
    args = parser.parse_args()

    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    written = []
    for root in args.roots:
        top = os.path.basename(os.path.normpath(root))
        for path in seed_files(root, args.scanner):
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            name = (top + "/" + rel).replace("/", "_")
            with open(path, "rb") as f:
                text = f.read()
            variants = [(name, text)]
            if args.scanner:
                variants = [
                    ("%s.rename-%s" % (name, ("off", "on")[rename]),
                     selector(top + "/" + rel, rename) + text)
                    for rename in (False, True)
                ]
            for seed_name, data in variants:
                seed = os.path.join(os.path.abspath(args.out), seed_name)
                if "," in seed:
                    sys.exit("collect_seeds.py: a comma in " + seed)
                with open(seed, "wb") as f:
                    f.write(data)
                written.append(seed)
    if not written:
        sys.exit("collect_seeds.py: no seeds under " + " ".join(args.roots))
    with open(args.list, "w") as f:
        f.write(",".join(written))


if __name__ == "__main__":
    main()
