#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven's dependencies: Debian's Chromium and its
# matching chromedriver for the browser test of the console (Selenium then downloads nothing) with its Chinese,
# a small Chinese font so that the test's screenshots, the receipt specimens and the cover certificate show characters,
# not boxes, and Tesseract with its Simplified Chinese model for the recognition of photographed
# receipts (tests and `./huzhu bench recognition`).
# Idempotent: when all are present it returns at once.
set -euo pipefail

CJK_FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
CHI_SIM=/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata

packages=()
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || packages+=(chromium chromium-driver)
# Chromium's own Chinese (the browser tests run it with --lang=zh-CN): date fields as 年/月/日 and the file
# chooser as 选择文件, as a worker's or an office's browser shows them; without it Chromium falls back to en-US
[ -f /usr/lib/chromium/locales/zh-CN.pak ] || packages+=(chromium-l10n)
[ -f "$CJK_FONT" ] || packages+=(fonts-wqy-microhei)
[ -x /usr/bin/tesseract ] && [ -f "$CHI_SIM" ] || packages+=(tesseract-ocr tesseract-ocr-chi-sim)
[ ${#packages[@]} = 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[huzhu] missing ${packages[*]} and apt-get is not available;" \
       "install Chromium with chromedriver, fonts-wqy-microhei and Tesseract with chi_sim yourself" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "[huzhu] installing ${packages[*]} needs root (or sudo)" >&2; exit 1; }
  SUDO=(sudo -n)
fi

echo "[huzhu] Installing ${packages[*]} for the tests" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${SUDO[@]}" apt-get update -qq && \
       "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "[huzhu] could not install ${packages[*]}" >&2
  exit 1
fi

[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || {
  echo "[huzhu] chromium-driver installed but /usr/bin/chromium or /usr/bin/chromedriver is still missing" >&2
  exit 1
}
[ -x /usr/bin/tesseract ] && [ -f "$CHI_SIM" ] || {
  echo "[huzhu] tesseract-ocr-chi-sim installed but /usr/bin/tesseract or $CHI_SIM is still missing" >&2
  exit 1
}
