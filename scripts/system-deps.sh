#!/usr/bin/env bash
# Debian packages the course needs beyond Python: bubblewrap (the grading sandbox), a font with
# Chinese glyphs for the Chinese edition's plots and pages (fonts-wqy-microhei, 5 MB) and, for the
# browser test, chromium. Installed only when missing and when we are root; otherwise we say what
# is lost and go on.
set -u
want=()
command -v bwrap >/dev/null || want+=(bubblewrap)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || want+=(fonts-wqy-microhei)
if [ "${1:-}" = "--browser" ]; then
  command -v chromium >/dev/null || want+=(chromium)
fi
[ ${#want[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "note: not root, cannot install ${want[*]}: the sandbox or browser test will be limited" >&2
  exit 0
fi
apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}" >/dev/null \
  || echo "note: could not install ${want[*]}" >&2
