#!/usr/bin/env python3
"""expect_exit.py N COMMAND...: runs COMMAND (stdout and stderr pass through)
and succeeds only if it exits with status N."""

import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.call(sys.argv[2:])
if status != expected:
    sys.stderr.write("expect_exit: exit status %d, expected %d\n" %
                     (status, expected))
    sys.exit(1)
