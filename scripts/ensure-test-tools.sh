#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven's dependencies: Debian's Chromium and its
# matching chromedriver for the browser test of the console (Selenium then downloads nothing),
# plus a small Chinese font so that the test's screenshots show characters, not boxes.
# Idempotent: when all are present it returns at once.
set -euo pipefail

CJK_FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -f "$CJK_FONT" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[huzhu] Chromium and chromedriver are missing and apt-get is not available;" \
       "install /usr/bin/chromium and /usr/bin/chromedriver yourself" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "[huzhu] installing Chromium needs root (or sudo)" >&2; exit 1; }
  SUDO=(sudo -n)
fi

echo "[huzhu] Installing chromium, chromium-driver and a Chinese font for the browser test" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${SUDO[@]}" apt-get update -qq && \
       "${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-microhei; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "[huzhu] could not install chromium and chromium-driver" >&2
  exit 1
fi

[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || {
  echo "[huzhu] chromium-driver installed but /usr/bin/chromium or /usr/bin/chromedriver is still missing" >&2
  exit 1
}
