#!/usr/bin/env sh
# Browser tests drive Debian's Chromium and lay out Japanese text as an operator's machine does; install
# Chromium and a CJK font (Noto CJK) when this machine does not have them yet (needs root). Without a CJK
# font every kanji falls back to a box of another width, and layout tests (a table that overflows at
# 700 px, nothing wider than a 390 px phone) would measure boxes, not text.
set -e
packages=""
[ -x /usr/bin/chromium ] || packages="chromium"
if ! fc-list :lang=ja 2>/dev/null | grep -q .; then packages="$packages fonts-noto-cjk"; fi
if [ -z "$packages" ]; then exit 0; fi
echo "Missing for the browser tests:$packages — installing Debian's packages (needs root)."
apt-get update
apt-get install -y $packages
