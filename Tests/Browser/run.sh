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
# The venv lives in Tests/Browser/.venv and is rebuilt only when requirements.txt (or the interpreter) changes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
stamp="$venv/.requirements.sha256"
python="${PYTHON:-python3}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

command -v "$python" >/dev/null || { echo "run.sh: $python not found" >&2; exit 1; }
for tool in "$CHROMIUM" "$CHROMEDRIVER"; do
    [[ -x "$tool" ]] || { echo "run.sh: $tool not found: apt-get install chromium chromium-driver (.ci/run does)" >&2; exit 1; }
done
want="$( { sha256sum "$here/requirements.txt" | cut -d' ' -f1; "$python" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "==> creating the browser-suite venv in $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install --no-input --quiet \
        --timeout 60 --retries 5 -r "$here/requirements.txt"
    echo "$want" > "$stamp"
else
    echo "==> reusing the browser-suite venv in $venv"
fi

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
