#!/usr/bin/env bash
# Runs the SDK conformance suite: the real, pinned Azure SDKs and az against a fresh emulator.
#
#   Tests/SDKConformance/run.sh [pytest arguments...]
#
# Environment:
#   FOUNDRY_EMULATOR_BIN  the binary to test (default: .build/debug/foundry-emulator, relative to the repo root)
#   PYTHON                the interpreter that creates the venv (default: python3)
#   SDK_SUITE_TIMEOUT     seconds for the whole pytest run (default 2400); SDK_TEST_TIMEOUT per test (default 300)
#
# The venv lives in Tests/SDKConformance/.venv and is rebuilt only when requirements.txt,
# requirements-ai-projects-2.txt (or the interpreter) change: a stamp file holds their hash.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
stamp="$venv/.requirements.sha256"
python="${PYTHON:-python3}"

command -v "$python" >/dev/null || { echo "run.sh: $python not found" >&2; exit 1; }
want="$( { sha256sum "$here/requirements.txt" "$here/requirements-ai-projects-2.txt" | cut -d' ' -f1;
          "$python" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)"

if [[ ! -x "$venv/bin/python" || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "==> creating the SDK venv in $venv (requirements.txt changed or venv missing)"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    # No pip upgrade: pip from ensurepip installs these wheels fine and the run stays reproducible.
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install --no-input --quiet \
        --timeout 60 --retries 5 -r "$here/requirements.txt"
    # azure-ai-projects 2.x beside the 1.0.0 that azure-cli needs (see requirements-ai-projects-2.txt).
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install --no-input --quiet --no-deps \
        --timeout 60 --retries 5 --target "$venv/ai-projects-2" -r "$here/requirements-ai-projects-2.txt"
    echo "$want" > "$stamp"
else
    echo "==> reusing the SDK venv in $venv"
fi

# An absolute path, whether it was given relative to the current directory or to the repo root.
bin="${FOUNDRY_EMULATOR_BIN:-.build/debug/foundry-emulator}"
if [[ "$bin" != /* ]]; then
    if [[ -e "$bin" ]]; then bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"; else bin="$repo_root/$bin"; fi
fi
export FOUNDRY_EMULATOR_BIN="$bin"
echo "==> SDK conformance suite against $FOUNDRY_EMULATOR_BIN"

cd "$here"
# `timeout` bounds the whole run even if a test defeats the per-test alarm; the emulator dies with
# pytest (PR_SET_PDEATHSIG), so nothing outlives a killed run.
exec timeout --signal=TERM --kill-after=30 "${SDK_SUITE_TIMEOUT:-2400}" \
    "$venv/bin/python" -m pytest -p no:cacheprovider -ra "$@"
