#!/bin/sh
# Install the Debian packages given as arguments if any is missing.
# Runs apt-get as root, or through sudo otherwise.
#
# An argument COMMAND:PACKAGE installs PACKAGE only if COMMAND is not on
# PATH: npm:npm leaves alone an npm that came with another nodejs (as
# NodeSource's does), which Debian's npm would conflict with. (So an
# architecture-qualified name such as libfoo:amd64 cannot be given.)
set -eu
missing=""
for p in "$@"; do
	case "$p" in
	*:*)
		command -v "${p%%:*}" >/dev/null 2>&1 && continue
		p="${p#*:}"
		;;
	esac
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing$missing" >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
