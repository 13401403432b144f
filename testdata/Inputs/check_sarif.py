#!/usr/bin/env python3
"""Checks a SARIF log for what SARIF 2.1.0 and GitHub code scanning require.

    check_sarif.py LOG.sarif [--results N]

Prints "sarif ok: N results" or exits non-zero naming the missing field.
"""

import json
import sys


def fail(message):
    sys.exit("sarif: " + message)


def require(obj, key, where):
    if not isinstance(obj, dict) or key not in obj:
        fail("missing '%s' in %s" % (key, where))
    return obj[key]


def main():
    path = sys.argv[1]
    expected = None
    if len(sys.argv) > 3 and sys.argv[2] == "--results":
        expected = int(sys.argv[3])
    with open(path, encoding="utf-8") as f:
        log = json.load(f)

    if require(log, "version", "log") != "2.1.0":
        fail("version is not 2.1.0")
    if "sarif-2.1.0" not in require(log, "$schema", "log"):
        fail("$schema does not name SARIF 2.1.0")
    runs = require(log, "runs", "log")
    if not isinstance(runs, list) or len(runs) != 1:
        fail("expected one run")
    run = runs[0]
    driver = require(require(run, "tool", "run"), "driver", "run.tool")
    if not require(driver, "name", "tool.driver"):
        fail("empty tool.driver.name")
    rules = require(driver, "rules", "tool.driver")
    rule_ids = []
    for rule in rules:
        rule_ids.append(require(rule, "id", "rule"))
        require(require(rule, "shortDescription", "rule"), "text",
                "rule.shortDescription")
    results = require(run, "results", "run")
    for i, result in enumerate(results):
        where = "results[%d]" % i
        rule_id = require(result, "ruleId", where)
        if rule_id not in rule_ids:
            fail("%s.ruleId '%s' is not in tool.driver.rules" % (where, rule_id))
        index = result.get("ruleIndex")
        if index is not None and rule_ids[index] != rule_id:
            fail("%s.ruleIndex does not point at its rule" % where)
        if result.get("level", "warning") not in ("none", "note", "warning",
                                                  "error"):
            fail("%s.level is not a SARIF level" % where)
        require(require(result, "message", where), "text", where + ".message")
        locations = require(result, "locations", where)
        if not locations:
            fail("%s has no location" % where)
        physical = require(locations[0], "physicalLocation", where)
        artifact = require(physical, "artifactLocation", where)
        uri = require(artifact, "uri", where + ".artifactLocation")
        if "uriBaseId" in artifact:
            bases = require(run, "originalUriBaseIds", "run")
            require(bases, artifact["uriBaseId"], "run.originalUriBaseIds")
            if uri.startswith("/"):
                fail("%s: a uri with uriBaseId must be relative" % where)
        region = require(physical, "region", where)
        if require(region, "startLine", where + ".region") < 1:
            fail("%s.region.startLine < 1" % where)
        if region.get("startColumn", 1) < 1:
            fail("%s.region.startColumn < 1" % where)
        for fix in result.get("fixes", []):
            for change in require(fix, "artifactChanges", where + ".fixes"):
                require(change, "artifactLocation", where + ".fixes")
                for replacement in require(change, "replacements",
                                           where + ".fixes"):
                    require(replacement, "deletedRegion", where + ".fixes")
    if expected is not None and len(results) != expected:
        fail("%d results, expected %d" % (len(results), expected))
    print("sarif ok: %d results" % len(results))


if __name__ == "__main__":
    main()
