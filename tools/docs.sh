#!/usr/bin/env bash
# Build the documentation site offline into _site/ (no Quarto needed): every executed notebook in nbs/
# rendered with nbconvert, plus API pages from the package's docstrings. Open _site/index.html.
# Extra arguments go to tools/build_docs.py, e.g. `bash tools/docs.sh --out /tmp/site`.
# (With Quarto installed, `nbdev-docs` builds the real nbdev site into _docs/ from nbs/_quarto.yml.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" || { echo "setup failed" >&2; exit 1; }
cd "$ROOT"
exec python tools/build_docs.py "$@"
