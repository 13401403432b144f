#!/usr/bin/env python3
"""expect_exit.py N COMMAND...: runs COMMAND (stdout and stderr pass through)
and succeeds only if it exits with status N; -SIG (e.g. -15) means killed by
signal SIG."""

import signal
import subprocess
import sys

expected = int(sys.argv[1])
# lit's workers ignore SIGINT, and an ignored signal stays ignored across
# exec: give the command the default action, as a shell would.
status = subprocess.call(
    sys.argv[2:],
    preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
if status != expected:
    sys.stderr.write("expect_exit: exit status %d, expected %d\n" %
                     (status, expected))
    sys.exit(1)
