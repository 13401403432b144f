#!/usr/bin/env python3
"""Asserts that the scenario suites catch one mutant of the migration.

    check_mutant.py --mutant NAME --diff-dir DIR --suite NAME=BINARY...

Runs every suite built from the mutant's migration (migrate_mutant.py) and
passes only when each expected catch below shows: a suite fails, and its
output holds the checker's violation or the failed expectation that the
mutant must cause. A mutant whose suites pass has survived: the suites
could not tell that migration from a right one, and this test fails.
"""

import argparse
import os
import re
import subprocess
import sys

# What must catch each mutant: (suite, failing test, output pattern). The
# failing test is a regular expression over the suite's "[  FAILED  ]"
# lines; the pattern one over its whole output.
CAUGHT_BY = {
    # The free through a struct field stays on free_page() while the table
    # comes from pgtable_alloc(): the checker's family mismatch.
    "keep-frees": [
        ("provenance", r"KexecTransition",
         r"refimpl: family-mismatch: free_pages \(page allocator\) frees pfn 0x[0-9a-f]+"
         r" allocated by pgtable_alloc \(ptdesc\)"),
    ],
    # pgtable_free() of a table get_zeroed_page() still allocates, freed
    # through a struct field: the family mismatch the other way round.
    "keep-allocations": [
        ("provenance", r"KexecTransition",
         r"refimpl: family-mismatch: pgtable_free \(ptdesc\) frees pfn "
         r"0x[0-9a-f]+ allocated by get_zeroed_page \(page allocator\)"),
    ],
    # The PTI pgd pair converted with order 0: one page where there were
    # two, so its free releases one page where the code released two, and
    # the user pgd lies outside the allocation.
    "wrong-order": [
        ("sample", r"PtiPgdPairIsOneOrder1Allocation",
         r"the pgd pair is not one order-1 allocation"),
    ],
    # Tables that relied on zeroing come poisoned: their entries read as
    # present, and the code follows them out of memory.
    "drop-zeroing": [
        ("sample", r"MapsAndUnmaps4KPages",
         r"refimpl: bad-address: __va\(0x[0-9a-f]+\): physical address "
         r"outside simulated memory"),
        ("provenance", r"KexecTransitionMapsTheControlPage",
         r"refimpl: bad-address: __va\(0x[0-9a-f]+\): physical address "
         r"outside simulated memory"),
    ],
    # The pmd table's ptdesc constructor and the pte table's kernel mark
    # skipped: no PageTable type, and the free is not deferred.
    "skip-descriptor-uses": [
        ("sample", r"PtdescTables",
         r"the pmd table's ptdesc was not constructed"),
        ("sample", r"PtdescTables",
         r"the free of a kernel page table an IOMMU may cache is not "
         r"deferred"),
        # The pmd table's free still runs pagetable_pmd_dtor(), on a page
        # whose constructor was dropped: the model's constructor check.
        ("sample", r"PtdescTables",
         r"refimpl: ctor-mismatch: pagetable_pmd_dtor runs on pfn "
         r"0x[0-9a-f]+, allocated by pgtable_alloc, on which no "
         r"constructor ran"),
    ],
    # Each free names the table one level up: the pud table freed twice,
    # the pte table never.
    # --target=level with each pmd and pud free on pgtable_free(): a
    # pmd_alloc_one() table freed with its constructor state (page type,
    # split ptlock) still set.
    "level-pgtable-free": [
        ("level", r"LevelScenario",
         r"refimpl: ctor-mismatch: pgtable_free frees pfn 0x[0-9a-f]+, a pmd "
         r"table allocated by pmd_alloc_one, with its constructor state "
         r"\(split ptlock, PGTY_table\) still set: pmd_free\(\) runs the "
         r"destructor"),
    ],
    "level-up": [
        ("provenance", r"KexecTransition",
         r"refimpl: double-free: pgtable_free: pfn 0x[0-9a-f]+ was already "
         r"freed"),
        ("provenance", r"KexecTransition", r"refimpl: leak: "),
    ],
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mutant", required=True)
    parser.add_argument("--diff-dir", required=True)
    parser.add_argument("--suite", action="append", default=[])
    args = parser.parse_args()

    outputs = {}
    failed_tests = {}
    for spec in args.suite:
        name, binary = spec.split("=", 1)
        run = subprocess.run([binary, "--gtest_color=no"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True)
        outputs[name] = run.stdout
        failed_tests[name] = re.findall(r"^\[  FAILED  \] (\w[\w/]*\.[\w/]+)", run.stdout,
                                        re.M)
        print("%s suite: exit %d, %d failed test(s)"
              % (name, run.returncode, len(set(failed_tests[name]))))

    missing = []
    for suite, test, pattern in CAUGHT_BY[args.mutant]:
        failed = [t for t in failed_tests.get(suite, []) if re.search(test, t)]
        if not failed:
            missing.append("no %s test matching /%s/ failed" % (suite, test))
        elif not re.search(pattern, outputs[suite]):
            missing.append("the %s suite's output lacks /%s/"
                           % (suite, pattern))
        else:
            print("caught: %s (%s): /%s/" % (failed[0], suite, pattern))
    if missing:
        for name, output in outputs.items():
            sys.stdout.write("---- %s suite output ----\n%s" % (name, output))
        for suite in outputs:
            diff = os.path.join(args.diff_dir, suite, "mutant.diff")
            if os.path.exists(diff):
                with open(diff) as f:
                    sys.stdout.write("---- %s mutant.diff ----\n%s"
                                     % (suite, f.read()))
        sys.exit("mutant '%s' SURVIVED: %s" % (args.mutant, "; ".join(missing)))
    print("mutant '%s' is caught" % args.mutant)


if __name__ == "__main__":
    main()
