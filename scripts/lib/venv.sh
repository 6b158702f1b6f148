# shellcheck shell=bash
# One venv bootstrap for every Python tool of the repository (the SDK suite's lanes, scripts/check-latest).
#
#   . scripts/lib/venv.sh
#   ensure_venv DIR REQUIREMENTS_FILE [pip arguments...]
#
# Creates DIR with `python -m venv` and installs REQUIREMENTS_FILE (plus any extra pip arguments), unless
# DIR already holds exactly that: a stamp file keeps the hash of the requirements, the extra arguments and
# the interpreter's version, and anything else rebuilds the venv from scratch. PYTHON picks the
# interpreter (default python3). pip's download cache is PIP_CACHE_DIR as usual.
ensure_venv() {
    local venv="$1" requirements="$2"
    shift 2
    local python="${PYTHON:-python3}"
    command -v "$python" >/dev/null || { echo "ensure_venv: $python not found" >&2; return 1; }
    local stamp="$venv/.requirements.sha256" want
    want="$( { sha256sum "$requirements" | cut -d' ' -f1; echo "$*"; "$python" -c 'import sys; print(sys.version)'; } \
        | sha256sum | cut -d' ' -f1)"
    if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        echo "==> reusing the venv $venv"
        return 0
    fi
    echo "==> creating the venv $venv from $requirements"
    rm -rf "$venv"
    "$python" -m venv "$venv" || return 1
    # No pip upgrade: pip from ensurepip installs these wheels fine and the run stays reproducible.
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install --no-input --quiet \
        --timeout 60 --retries 5 -r "$requirements" "$@" || return 1
    echo "$want" > "$stamp"
}
