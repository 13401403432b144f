# lit configuration for pgtable-migrate's tests. Run through ctest, or:
#   python3 /usr/lib/llvm-16/build/utils/lit/lit.py -sv build/testdata
import os

import lit.formats

config.name = "pgtable-migrate"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = [
    "Inputs", "sample-tree", "provenance-tree", "level-tree", "scenarios",
    "golden"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))

# FileCheck, not, count (llvm-16-tools) are not on PATH in Debian.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# git apply in the tests must not read the user's configuration.
config.environment["GIT_CONFIG_NOSYSTEM"] = "1"
config.environment["HOME"] = config.test_exec_root

import shutil

if shutil.which("script"):
    config.available_features.add("script")
# Tests that change a file's owner need root.
if os.geteuid() == 0:
    config.available_features.add("root")

inputs = os.path.join(config.test_source_root, "Inputs")
tool = config.pgmigrate_tool
python = config.python_executable
config.substitutions.append(
    ("%check_fixes",
     "%s %s --tool %s" % (python,
                          os.path.join(config.test_source_root, "check_fixes.py"),
                          tool)))
# No test reads or fills a facts cache unless it asks (a later --cache-dir
# overrides --no-cache).
config.substitutions.append(("%pgtable-migrate", tool + " --no-cache"))
config.substitutions.append(("%pgtable_migrate_binary", tool))
# The clang-tidy plugin and the clang-tidy 16 tools (llvm-16/bin: clang-tidy,
# run-clang-tidy, clang-apply-replacements) that load and apply it.
tidy_plugin = config.pgmigrate_tidy_plugin
clang_tidy = os.path.join(config.llvm_tools_dir, "clang-tidy")
config.substitutions.append(("%pgtable_tidy_plugin", tidy_plugin))
config.substitutions.append(("%clang_tidy", clang_tidy))
config.substitutions.append(
    ("%run_clang_tidy",
     "%s %s -clang-tidy-binary %s -clang-apply-replacements-binary %s" %
     (python, os.path.join(config.llvm_tools_dir, "run-clang-tidy"),
      clang_tidy, os.path.join(config.llvm_tools_dir,
                               "clang-apply-replacements"))))
config.substitutions.append(
    ("%check_tidy",
     "%s %s --clang-tidy %s --plugin %s" %
     (python, os.path.join(config.test_source_root, "check_fixes.py"),
      clang_tidy, tidy_plugin)))
config.substitutions.append(("%refimpl_include", config.refimpl_include))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(
    ("%make_db", "%s %s" % (python, os.path.join(inputs, "make_db.py"))))
config.substitutions.append(
    ("%check_sarif", "%s %s" % (python, os.path.join(inputs, "check_sarif.py"))))
config.substitutions.append(
    ("%expect_exit", "%s %s" % (python, os.path.join(inputs, "expect_exit.py"))))
# A fresh copy of the fixture tree with its compile databases: %t/tree (a git
# work tree), %t/build (default configuration), %t/build-hotplug (memory hotplug,
# init.c only).
config.substitutions.append(
    ("%prepare_tree",
     "cd / && rm -rf %t && mkdir -p %t && cp -r {inputs}/tree %t/tree && "
     "git init -q %t/tree && "
     "{python} {inputs}/make_db.py %t/tree %t/build/compile_commands.json "
     "--include {refimpl} && "
     "{python} {inputs}/make_db.py %t/tree %t/build-hotplug/compile_commands.json "
     "--include {refimpl} -D CONFIG_MEMORY_HOTPLUG arch/x86/mm/init.c".format(
         inputs=inputs, python=python, refimpl=config.refimpl_include)))
# The robustness suite's tree (testdata/Inputs/robust: a kernel-style tree
# with Kbuild and MAINTAINERS at its top, not a git work tree): a fresh copy
# in %t/tree, a copy to compare with in %t/pristine, and its database in
# %t/db. The commands run from /.
config.substitutions.append(
    ("%prepare_robust",
     "cd / && rm -rf %t && mkdir -p %t && cp -r {inputs}/robust %t/tree && "
     "cp -r {inputs}/robust %t/pristine && "
     "{python} {inputs}/make_db.py %t/tree %t/db/compile_commands.json "
     "--system-include {refimpl}".format(
         inputs=inputs, python=python, refimpl=config.refimpl_include)))
config.substitutions.append(("%python", python))
# Compiles a rewritten lit input against the reference model's headers, as
# the fixture trees are built, with warnings as errors: a rewrite must
# leave valid C (a retyped variable, its casts, its frees).
config.substitutions.append(
    ("%syntax_check",
     "%s -fsyntax-only -xc -std=gnu11 -Wall -Wextra -Wno-unused-parameter "
     "-Werror -isystem %s" % (os.path.join(config.llvm_tools_dir, "clang"),
                              config.refimpl_include)))
