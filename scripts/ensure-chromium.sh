#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (`npx playwright install` cannot
# download browsers here). Use /usr/bin/chromium (or $CHROMIUM_PATH) when present; otherwise install
# Debian's package when we may (root); otherwise say clearly what is missing.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium ontbreekt; installeren met apt-get …" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
if [ ! -x "$chromium" ]; then
  echo "Fout: Chromium niet gevonden op $chromium en niet te installeren." >&2
  echo "Installeer het pakket 'chromium' (Debian) of zet CHROMIUM_PATH naar een Chromium-binary." >&2
  exit 1
fi
