#!/usr/bin/env python3
"""clone_db_entry.py DB.json FROM TO [FLAG...]: appends to a compile
database a copy of FROM's entry that compiles TO (paths as the database
spells them), with FLAGs put before -c, as Kbuild adds a directory's own
-I options."""

import json
import sys

path, source, target = sys.argv[1:4]
flags = sys.argv[4:]
with open(path, encoding="utf-8") as f:
    entries = json.load(f)
entry = dict(next(e for e in entries if e["file"] == source))
command = entry["command"].replace(source[:-2] + ".o", target[:-2] + ".o")
command = command.replace(" " + source, " " + target)
entry["command"] = command.replace(" -c ", " " + " ".join(flags) + " -c ", 1)
entry["file"] = target
entries.append(entry)
with open(path, "w", encoding="utf-8") as f:
    json.dump(entries, f, indent=2)
