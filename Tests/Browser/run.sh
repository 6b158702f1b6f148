#!/usr/bin/env bash
# Runs the browser suite: Debian's chromium (headless) driven by selenium through chromium-driver,
# against a freshly started emulator. Screenshots of every view go to Tests/Browser/output/.
#
#   Tests/Browser/run.sh [pytest arguments...]
#
# Environment:
#   FOUNDRY_EMULATOR_BIN   the binary to test (default: .build/debug/foundry-emulator, relative to the repo root)
#   PYTHON                 the interpreter that creates the venv (default: python3)
#   CHROMIUM, CHROMEDRIVER the browser and its driver (default: /usr/bin/chromium, /usr/bin/chromedriver)
#   BROWSER_SUITE_TIMEOUT  seconds for the whole run (default 900)
#
# The venv lives in Tests/Browser/.venv and is rebuilt only when requirements.txt (or the interpreter) changes
# (scripts/lib/venv.sh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

for tool in "$CHROMIUM" "$CHROMEDRIVER"; do
    [[ -x "$tool" ]] || { echo "run.sh: $tool not found: apt-get install chromium chromium-driver (.ci/run does)" >&2; exit 1; }
done
# shellcheck source=../../scripts/lib/venv.sh
. "$repo_root/scripts/lib/venv.sh"
ensure_venv "$venv" "$here/requirements.txt"

bin="${FOUNDRY_EMULATOR_BIN:-.build/debug/foundry-emulator}"
if [[ "$bin" != /* ]]; then
    if [[ -e "$bin" ]]; then bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"; else bin="$repo_root/$bin"; fi
fi
export FOUNDRY_EMULATOR_BIN="$bin"
echo "==> browser suite against $FOUNDRY_EMULATOR_BIN with $("$CHROMIUM" --version 2>/dev/null | tail -1)"

cd "$here"
# Selenium Manager must not go looking for a browser or driver to download: both are given.
export SE_OFFLINE=true
exec timeout --signal=TERM --kill-after=30 "${BROWSER_SUITE_TIMEOUT:-900}" \
    "$venv/bin/python" -m pytest -p no:cacheprovider -ra "$@"
