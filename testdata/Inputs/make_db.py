#!/usr/bin/env python3
"""Writes a compile_commands.json for a kernel-style fixture tree.

    make_db.py TREE OUT.json [--include DIR] [--system-include DIR] [-D NAME]...
               [--flag=FLAG]... [FILE...]

The entries look like the kernel's gen_compile_commands.py output for an
LLVM=1 build: "directory" is the tree, "file" is relative to it, "command"
is one clang command line. Without FILEs, every .c file under TREE.
"""

import argparse
import json
import os
import shlex


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tree")
    parser.add_argument("out")
    parser.add_argument("--include", action="append", default=[])
    # Headers the tree is built against but does not own (-isystem): the
    # rules leave them alone, as clang-tidy does.
    parser.add_argument("--system-include", action="append", default=[])
    parser.add_argument("-D", dest="defines", action="append", default=[])
    # Any other flag, as given (e.g. --flag=-Werror).
    parser.add_argument("--flag", dest="flags", action="append", default=[])
    parser.add_argument("files", nargs="*")
    args = parser.parse_intermixed_args()

    tree = os.path.abspath(args.tree)
    files = args.files
    if not files:
        for root, _, names in os.walk(tree):
            files += [os.path.relpath(os.path.join(root, n), tree)
                      for n in names if n.endswith(".c")]
    entries = []
    for name in sorted(files):
        obj = name[:-2] + ".o"
        command = (["clang", "-std=gnu11", "-D__KERNEL__"] +
                   ["-D" + d for d in args.defines] + args.flags +
                   ["-I" + os.path.abspath(i) for i in args.include] +
                   ["-isystem" + os.path.abspath(i)
                    for i in args.system_include] +
                   ["-Iarch/x86/include", "-c", "-o", obj, name])
        entries.append({"command": " ".join(shlex.quote(c) for c in command),
                        "directory": tree, "file": name})
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
