#!/usr/bin/env bash
# Sets koubai up (see setup.sh) and starts the web server on http://127.0.0.1:8000 (KOUBAI_HOST, KOUBAI_PORT).
# Extra arguments go to the server command.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/koubai serve "$@"
