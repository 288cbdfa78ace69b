#!/usr/bin/env sh
# Browser tests drive Debian's Chromium; install it when this machine does not have it yet.
set -e
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Chromium is missing: installing Debian's package (needs root)."
apt-get update
apt-get install -y chromium
