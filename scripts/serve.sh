#!/usr/bin/env bash
# Sets koubai up (see setup.sh) and starts the web server on http://127.0.0.1:8000 (KOUBAI_HOST, KOUBAI_PORT).
# Extra arguments go to the server command.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if [ -f app/cli.py ] && [ -x .venv/bin/koubai ]; then
    exec .venv/bin/koubai serve "$@"
fi
exec .venv/bin/uvicorn app.main:app --host "${KOUBAI_HOST:-127.0.0.1}" --port "${KOUBAI_PORT:-8000}" "$@"
