#!/usr/bin/env python3
"""compare_since.py FULL.json SINCE.json ROOT SCOPE_FILE...: checks that a
--since run agrees with the full run of the same tree: every finding of
the --since run is the full run's, the same in every field; and every
finding of the full run in a scope file (relative to ROOT) is in the
--since run. Prints how many findings each run has and how many of the
--since run's lie outside the scope files (its groups' other sites)."""

import json
import os
import sys


def findings(path):
    with open(path, encoding="utf-8") as f:
        return [json.dumps(x, sort_keys=True) for x in json.load(f)["findings"]]


full_path, since_path, root = sys.argv[1:4]
scope = {os.path.realpath(os.path.join(root, p)) for p in sys.argv[4:]}
full, since = findings(full_path), findings(since_path)
problems = []
for f in since:
    if f not in full:
        problems.append("only in the --since run: " + f)
in_scope = [f for f in full if json.loads(f)["file"] in scope]
for f in in_scope:
    if f not in since:
        problems.append("in a scope file but not in the --since run: " + f)
outside = sum(1 for f in since if json.loads(f)["file"] not in scope)
for p in problems:
    print(p)
print(f"full: {len(full)} findings; since: {len(since)} findings, "
      f"{outside} outside the scope files")
sys.exit(1 if problems else 0)
