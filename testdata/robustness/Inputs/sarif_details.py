#!/usr/bin/env python3
"""sarif_details.py LOG.sarif: prints, one per line, what the robustness
test checks in a SARIF log: every artifact URI, every region's offset
keys, and the invocation's success and notifications."""

import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    run = json.load(f)["runs"][0]


def walk(value):
    if isinstance(value, dict):
        if "uri" in value:
            print("uri", value["uri"])
        for key in ("charOffset", "byteOffset"):
            if key in value:
                print("offset-key", key)
        for child in value.values():
            walk(child)
    elif isinstance(value, list):
        for child in value:
            walk(child)


walk(run["results"])
for invocation in run["invocations"]:
    print("executionSuccessful", invocation["executionSuccessful"])
    for n in invocation["toolExecutionNotifications"]:
        where = [l["physicalLocation"]["artifactLocation"]["uri"]
                 for l in n.get("locations", [])]
        print("notification", n["level"], where,
              n["message"]["text"].splitlines()[0])
