#!/usr/bin/env python3
"""add_db_entry.py DB.json DIRECTORY FILE: appends an entry for FILE,
compiled in DIRECTORY, to a compile database (neither need exist)."""

import json
import sys

path, directory, name = sys.argv[1:4]
with open(path, encoding="utf-8") as f:
    entries = json.load(f)
entries.append({"directory": directory, "file": name,
                "command": "clang -c -o %s.o %s" % (name[:-2], name)})
with open(path, "w", encoding="utf-8") as f:
    json.dump(entries, f, indent=2)
