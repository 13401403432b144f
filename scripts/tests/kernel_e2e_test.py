#!/usr/bin/env python3
"""Tests of scripts/kernel-e2e's parts that need no kernel: what a patch
changes, the dependencies a kbuild .cmd file records, the arch of a site,
the reason of a refusal, and the report's tables. The whole script runs in
CI (.ci/run) on Linux 6.12."""

import importlib.machinery
import importlib.util
import os
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
LOADER = importlib.machinery.SourceFileLoader(
    "kernel_e2e", os.path.join(HERE, "..", "kernel-e2e"))
SPEC = importlib.util.spec_from_loader("kernel_e2e", LOADER)
e2e = importlib.util.module_from_spec(SPEC)
LOADER.exec_module(e2e)


class KernelE2eTest(unittest.TestCase):
    def test_changed_files_are_the_patch_targets(self):
        with tempfile.NamedTemporaryFile("w", suffix=".diff",
                                         delete=False) as f:
            f.write("diff --git a/arch/x86/mm/init.c b/arch/x86/mm/init.c\n"
                    "--- a/arch/x86/mm/init.c\n+++ b/arch/x86/mm/init.c\n"
                    "@@ -1 +1 @@\n-a\n+b\n"
                    "--- a/mm/memory.c\n+++ b/mm/memory.c\n@@ -1 +1 @@\n"
                    "-+++ b/not/a/header\n+c\n")
        try:
            self.assertEqual(e2e.changed_files(f.name),
                             {"arch/x86/mm/init.c", "mm/memory.c"})
        finally:
            os.unlink(f.name)

    def test_dependencies_from_a_cmd_file(self):
        with tempfile.TemporaryDirectory() as top:
            src = os.path.join(top, "linux")
            build = os.path.join(top, "build")
            os.makedirs(os.path.join(build, "arch/x86/mm"))
            with open(os.path.join(build, "arch/x86/mm/.init.o.cmd"),
                      "w") as f:
                f.write(
                    "savedcmd_arch/x86/mm/init.o := clang ...\n\n"
                    "source_arch/x86/mm/init.o := %s/arch/x86/mm/init.c\n\n"
                    "deps_arch/x86/mm/init.o := \\\n"
                    "  %s/include/linux/mm.h \\\n"
                    "    $(wildcard include/config/MMU) \\\n"
                    "  include/generated/autoconf.h \\\n"
                    "  %s/arch/x86/include/asm/pgalloc.h \\\n\n"
                    "arch/x86/mm/init.o: $(deps_arch/x86/mm/init.o)\n"
                    % (src, src, src))
            self.assertEqual(
                e2e.dependencies(build, "arch/x86/mm/init.o", src),
                {"arch/x86/mm/init.c", "include/linux/mm.h",
                 "arch/x86/include/asm/pgalloc.h"})
            self.assertIsNone(
                e2e.dependencies(build, "arch/x86/mm/none.o", src))

    def test_arch_of_a_site(self):
        self.assertEqual(e2e.arch_of("/k/arch/arm64/mm/mmu.c", "/k"), "arm64")
        self.assertEqual(e2e.arch_of("/k/mm/memory.c", "/k"), "generic")

    def test_reason_of_a_refusal_leaves_out_names_and_places(self):
        self.assertEqual(
            e2e.reason_of(
                "not converted: 'pagetable_alloc(GFP_KERNEL, 0)': the ptdesc "
                "'ptdesc' is passed to pagetable_pmd_ctor() at line 35; it "
                "would replace 'x' with 'y'"),
            "'…': the ptdesc '…' is passed to …() at line …")
        self.assertEqual(
            e2e.reason_of("not converted: no page-table evidence: the page "
                          "from get_zeroed_page() at arch/x86/mm/a.c:45 is "
                          "never installed"),
            "no page-table evidence: the page from …() at … is never "
            "installed")

    def test_checkpatch_totals(self):
        class Done:
            def __init__(self, out, code):
                self.stdout, self.returncode = out, code
        saved = e2e.run
        try:
            e2e.run = lambda *a, **k: Done(
                "p.diff:3: ERROR:X: bad\ntotal: 1 errors, 2 warnings, 9 "
                "lines checked\n", 1)
            got = e2e.checkpatch("/tree", "p.diff")
            self.assertEqual((got["errors"], got["warnings"]), (1, 2))
            self.assertEqual(got["lines"], ["p.diff:3: ERROR:X: bad"])
            # --terse prints nothing for a clean patch.
            e2e.run = lambda *a, **k: Done("", 0)
            got = e2e.checkpatch("/tree", "p.diff")
            self.assertEqual((got["errors"], got["warnings"]), (0, 0))
            e2e.run = lambda *a, **k: Done("perl: cannot run\n", 2)
            self.assertEqual(e2e.checkpatch("/tree", "p.diff")["errors"], -1)
        finally:
            e2e.run = saved

    def test_series_patches_in_order_without_the_cover_letter(self):
        with tempfile.TemporaryDirectory() as d:
            self.assertEqual(e2e.series_patches(os.path.join(d, "none")), [])
            for name in ("0002-b.patch", "0000-cover-letter.patch",
                         "0001-a.patch", "notes.txt"):
                open(os.path.join(d, name), "w").close()
            self.assertEqual([os.path.basename(p)
                              for p in e2e.series_patches(d)],
                             ["0001-a.patch", "0002-b.patch"])

    def test_series_must_end_where_the_diff_does(self):
        def diff(old, new):
            return ("--- a/f.c\n+++ b/f.c\n@@ -1 +1 @@\n-%s\n+%s\n"
                    % (old, new))
        with tempfile.TemporaryDirectory() as d:
            tree = os.path.join(d, "tree")
            os.mkdir(tree)
            paths = {}
            for name, text in (("1.patch", diff("a", "b")),
                               ("2.patch", diff("b", "c")),
                               ("all.diff", diff("a", "c")),
                               ("other.diff", diff("a", "d"))):
                paths[name] = os.path.join(d, name)
                with open(paths[name], "w") as f:
                    f.write(text)
            for final, ok in (("all.diff", True), ("other.diff", False)):
                with open(os.path.join(tree, "f.c"), "w") as f:
                    f.write("a\n")
                apply = lambda: e2e.apply_series(
                    tree, [paths["1.patch"], paths["2.patch"]], paths[final])
                if ok:
                    apply()
                    with open(os.path.join(tree, "f.c")) as f:
                        self.assertEqual(f.read(), "c\n")
                else:
                    with self.assertRaises(SystemExit):
                        apply()


if __name__ == "__main__":
    unittest.main()
