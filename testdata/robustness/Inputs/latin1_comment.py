#!/usr/bin/env python3
"""latin1_comment.py FILE: puts a comment holding the Latin-1 byte 0xE9
(not UTF-8) into the gfp argument of the pmd allocation in FILE."""

import sys

path = sys.argv[1]
with open(path, "rb") as f:
    text = f.read()
old = b"(pmd_t *)get_zeroed_page(GFP_KERNEL);"
assert old in text
text = text.replace(old, b"(pmd_t *)get_zeroed_page(GFP_KERNEL /* caf\xe9 */);")
with open(path, "wb") as f:
    f.write(text)
