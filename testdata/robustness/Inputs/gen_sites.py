#!/usr/bin/env python3
"""gen_sites.py N OUT.c: writes a kernel-style file with N page-table
allocations in one object group: each function allocates a pte table,
installs it and keeps it in one static pointer, which one function frees
(as a generated table-setup file might)."""

import sys

n = int(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("// SPDX-License-Identifier: GPL-2.0\n")
    f.write("/* Generated: %d sites in one object group. */\n" % n)
    f.write("#include <linux/mm.h>\n\nstatic pte_t *shared_pte;\n")
    for i in range(n):
        f.write("\nint map_%d(pmd_t *pmd)\n{\n" % i)
        f.write("\tpte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);\n\n")
        f.write("\tif (!pte)\n\t\treturn -1;\n\tshared_pte = pte;\n")
        f.write("\tset_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));\n")
        f.write("\treturn 0;\n}\n")
    f.write("\nvoid unmap_all(void)\n{\n")
    f.write("\tfree_page((unsigned long)shared_pte);\n}\n")
