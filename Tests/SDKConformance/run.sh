#!/usr/bin/env bash
# Runs the SDK conformance suite: the real, pinned Azure SDKs and az against a fresh emulator.
#
#   Tests/SDKConformance/run.sh [pytest arguments...]                 the current lane (every test)
#   SDK_LANE=previous Tests/SDKConformance/run.sh [pytest arguments...] the previous lane (a subset)
#
# Lanes: "current" pins the newest releases (requirements.txt, also what the docs' install lines name);
# "previous" pins the generation before (requirements-previous.txt: azure-mgmt-resource 24 with the old
# import paths and flattened models, azure-mgmt-authorization 4, azure-mgmt-cognitiveservices 14) and runs
# the files in PREVIOUS_LANE_FILES. az lives in its own venv (requirements-az.txt), as users install it:
# azure-cli pins its own azure-mgmt-* versions, which conflict with the current SDKs.
#
# Environment:
#   FOUNDRY_EMULATOR_BIN  the binary to test (default: .build/debug/foundry-emulator, relative to the repo root)
#   PYTHON                the interpreter that creates the venvs (default: python3)
#   SDK_LANE              current (default) or previous
#   SDK_VENV, AZ_VENV     use these venvs as they are instead of the pinned ones (scripts/check-latest)
#   SDK_SUITE_TIMEOUT     seconds for the whole pytest run (default 2400); SDK_TEST_TIMEOUT per test (default 300)
#
# The venvs live in Tests/SDKConformance/.venv* and are rebuilt only when their requirements file (or
# the interpreter) changes (scripts/lib/venv.sh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
# shellcheck source=../../scripts/lib/venv.sh
. "$repo_root/scripts/lib/venv.sh"

lane="${SDK_LANE:-current}"
PREVIOUS_LANE_FILES=(test_identity.py test_mgmt_resource.py test_negative.py test_cognitiveservices.py test_rbac.py)
case "$lane" in
    current) requirements="$here/requirements.txt"; default_venv="$here/.venv"; files=() ;;
    previous) requirements="$here/requirements-previous.txt"; default_venv="$here/.venv-previous"
              files=("${PREVIOUS_LANE_FILES[@]}" -k "not test_az_") ;;
    *) echo "run.sh: SDK_LANE must be current or previous, not $lane" >&2; exit 2 ;;
esac
venv="${SDK_VENV:-$default_venv}"
az_venv="${AZ_VENV:-$here/.venv-az}"
[[ -n "${SDK_VENV:-}" ]] || ensure_venv "$venv" "$requirements"
[[ -n "${AZ_VENV:-}" ]] || ensure_venv "$az_venv" "$here/requirements-az.txt"
export AZ_PYTHON="$az_venv/bin/python"

# An absolute path, whether it was given relative to the current directory or to the repo root.
bin="${FOUNDRY_EMULATOR_BIN:-.build/debug/foundry-emulator}"
if [[ "$bin" != /* ]]; then
    if [[ -e "$bin" ]]; then bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"; else bin="$repo_root/$bin"; fi
fi
export FOUNDRY_EMULATOR_BIN="$bin"
echo "==> SDK conformance suite, $lane lane ($("$venv/bin/python" -m pip list 2>/dev/null | grep -E '^azure-(identity|mgmt-resource|mgmt-authorization|mgmt-cognitiveservices) ' | tr -s ' ' | paste -sd, -)), against $FOUNDRY_EMULATOR_BIN"

cd "$here"
# `timeout` bounds the whole run even if a test defeats the per-test alarm; the emulator dies with
# pytest (PR_SET_PDEATHSIG), so nothing outlives a killed run.
exec timeout --signal=TERM --kill-after=30 "${SDK_SUITE_TIMEOUT:-2400}" \
    "$venv/bin/python" -m pytest -p no:cacheprovider -ra "${files[@]}" "$@"
