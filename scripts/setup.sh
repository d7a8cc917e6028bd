#!/usr/bin/env bash
# Installs what koubai needs on a fresh Debian/Ubuntu machine: system packages (graphviz's `dot`,
# Chromium for the browser tests) when missing, then a virtual environment with the Python packages.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "koubai needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1 || echo none))." >&2
    echo "Install it (Debian/Ubuntu: apt-get install python3 python3-venv) or set PYTHON=/path/to/python3.11" >&2
    exit 1
fi

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
# the graphs' font (engine/draw_style.py): Japanese names and legends drawn by `dot` into PNG need it
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 \
    || missing+=(fonts-noto-cjk)
if [ "${KOUBAI_SKIP_BROWSER:-0}" != 1 ]; then
    [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing system packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "Missing system packages: ${missing[*]}" >&2
        echo "Install them as root: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi

if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.koubai-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[dev]'
    touch "$stamp"
fi
