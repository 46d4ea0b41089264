#!/usr/bin/env bash
# Run the main job: set up the environment, then `mnist-sgd` with the given arguments
# (no arguments: the chapter pipeline end to end, with its results table).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" || { echo "setup failed" >&2; exit 1; }
if [ "$#" -eq 0 ]; then set -- chapter; fi
exec mnist-sgd "$@"
