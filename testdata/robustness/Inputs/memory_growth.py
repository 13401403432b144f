#!/usr/bin/env python3
"""memory_growth.py WORKDIR REFIMPL_INCLUDE TOOL [N...]: runs TOOL over a
generated file of N sites in one object group (gen_sites.py), for each N
(default 1000 2000 4000), and prints each run's peak memory (maxrss of the
child, not a time) and the growth ratio: the increase from the second to the
third size over the increase from the first to the second. Linear growth
gives about 2 for sizes that double; quadratic growth about 4. Exits 1 if
the ratio is 3 or more, or if a run fails or the diff does not apply."""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
work, refimpl, tool = sys.argv[1:4]
sizes = [int(n) for n in sys.argv[4:]] or [1000, 2000, 4000]
tree = os.path.join(work, "tree")
os.makedirs(os.path.join(tree, "arch/x86/mm"), exist_ok=True)
for marker in ("Kbuild", "MAINTAINERS"):  # the top of a kernel tree
    open(os.path.join(tree, marker), "w").close()
peaks = []
for n in sizes:
    name = "arch/x86/mm/gen%d.c" % n
    subprocess.run([sys.executable, os.path.join(HERE, "gen_sites.py"),
                    str(n), os.path.join(tree, name)], check=True)
    db = os.path.join(work, "db%d" % n)
    subprocess.run([sys.executable,
                    os.path.join(HERE, "..", "..", "Inputs", "make_db.py"),
                    tree, os.path.join(db, "compile_commands.json"),
                    "--system-include", refimpl, name], check=True)
    out = os.path.join(work, "gen%d.diff" % n)
    with open(out, "w") as diff, open(os.devnull, "w") as null:
        child = subprocess.Popen(
            [tool, "--no-cache", "-p", db, "--quiet", "-j", "1"],
            stdout=diff, stderr=null)
        _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("run with %d sites failed" % n)
    subprocess.run(["git", "apply", "--check", out], cwd=tree, check=True)
    with open(out) as f:
        converted = sum(1 for line in f if line.startswith("+\t") and
                        "pgtable_alloc(GFP_KERNEL, 0)" in line)
    if converted != n:
        sys.exit("%d sites: %d converted" % (n, converted))
    peaks.append(usage.ru_maxrss)  # KiB
    print("%d sites: peak %d MiB" % (n, usage.ru_maxrss // 1024))
ratio = (peaks[2] - peaks[1]) / max(1, peaks[1] - peaks[0])
print("growth ratio %.2f" % ratio)
sys.exit(0 if ratio < 3 else 1)
