#!/usr/bin/env bash
# Installs what the e2e tests need and the machine may lack: Debian's Chromium, the Noto CJK fonts
# (a screen of 守信红名单 rendered in tofu boxes is not a test of anything), and node_modules.
# Idempotent: it does nothing when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'install-prerequisites: %s\n' "$*"; }
fail() { printf 'install-prerequisites: ERROR: %s\n' "$*" >&2; exit 1; }

have_chromium() { command -v chromium >/dev/null 2>&1; }
# Not `grep -q`: it exits at the first match, fc-list then dies of SIGPIPE, and pipefail fails the check.
have_cjk_fonts() { command -v fc-list >/dev/null 2>&1 && fc-list | grep -i 'Noto Sans CJK' >/dev/null; }

if have_chromium && have_cjk_fonts; then
  say "chromium and Noto Sans CJK fonts already installed"
else
  missing=()
  have_chromium || missing+=("chromium")
  have_cjk_fonts || missing+=("Noto Sans CJK fonts")
  say "missing: ${missing[*]}"

  command -v apt-get >/dev/null 2>&1 \
    || fail "apt-get not found; install Chromium (as 'chromium' on PATH) and the Noto Sans CJK fonts by hand"

  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "not root and sudo is not available; run as root: apt-get install -y chromium fonts-noto-cjk fontconfig"
    SUDO=(sudo)
  fi

  # fontconfig provides fc-list, which the check above relies on.
  packages=(chromium fonts-noto-cjk fontconfig)
  say "running: ${SUDO[*]:+${SUDO[*]} }apt-get update"
  "${SUDO[@]}" apt-get update || fail "apt-get update failed"
  say "running: ${SUDO[*]:+${SUDO[*]} }apt-get install -y ${packages[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}" \
    || fail "apt-get install ${packages[*]} failed"

  have_chromium || fail "chromium is still not on PATH after installing it"
  have_cjk_fonts || fail "fc-list still lists no Noto Sans CJK font after installing fonts-noto-cjk"
  say "installed ${packages[*]}"
fi

if [ -d node_modules ]; then
  say "node_modules present"
else
  say "node_modules missing: running npm ci"
  npm ci || fail "npm ci failed"
fi
