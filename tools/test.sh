#!/usr/bin/env bash
# Run every notebook in nbs/ as a test (nbdev-test), then print "N passed, M failed".
# Extra arguments go to nbdev-test, e.g. `bash tools/test.sh --flags slow` or a notebook path.
# `bash tools/test.sh --jupyter [NOTEBOOK...] [--skip slow]` runs them in a real Jupyter kernel instead, every cell.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" || { echo "setup failed" >&2; exit 1; }
cd "$ROOT"
# Both run by the venv's full path with the PATH from before the venv, so that nothing depends on an activated
# environment (a notebook finds its subprocesses through sys.executable).
if [ "${1:-}" = --jupyter ]; then shift; PATH="$MNIST_SGD_PATH0" exec "$VENV/bin/python" tools/run_notebooks.py "$@"; fi
path=nbs; args=()
for a in "$@"; do
  if [ -e "$a" ]; then path="$a"; else args+=("$a"); fi
done
log="$(mktemp)"
start=$(date +%s)
PATH="$MNIST_SGD_PATH0" "$VENV/bin/nbdev-test" "$path" --do-print --timing --n-workers "${MNIST_SGD_TEST_WORKERS:-0}" "${args[@]}" 2> >(tee "$log" >&2) | tee -a "$log.out"
rc=${PIPESTATUS[0]}
sleep 0.2
total=$(grep -c '^Starting ' "$log.out")
failed=$(awk '/Tests Failed On The Following Notebooks/{f=1;next} f && /^\t/{n++} END{print n+0}' "$log")
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "notebooks: $((total - failed)) passed, $failed failed ($(( $(date +%s) - start )) s)"
rm -f "$log" "$log.out"
exit "$rc"
