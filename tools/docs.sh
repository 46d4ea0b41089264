#!/usr/bin/env bash
# Build the docs site offline into _site/: nbdev's notebook processing, rendered with nbconvert (no Quarto needed).
# Arguments go to tools/build_docs.py, e.g. `--out /tmp/site`. With Quarto installed, `nbdev-docs` builds nbdev's site.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" || { echo "setup failed" >&2; exit 1; }
exec python "$ROOT/tools/build_docs.py" "$@"
