#!/usr/bin/env bash
# Run every notebook in nbs/ as a test (nbdev-test), then print "N passed, M failed".
# Extra arguments go to nbdev-test, e.g. `bash tools/test.sh --flags slow` or a notebook path.
# `bash tools/test.sh --jupyter [NOTEBOOK...] [--skip slow]` runs them in a real Jupyter kernel instead, every cell.
# `--isa CLASS` (first, before --jupyter) computes as CPU class CLASS of mnist_sgd.core.CPU_CLASSES, e.g. avx2: most
# laptops' CPUs, no AVX-512 and no bfloat16 (PyTorch's kernels limited before it starts); `--threads N` sets torch's
# CPU threads (OMP_NUM_THREADS). Both also work with --jupyter.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" || { echo "setup failed" >&2; exit 1; }
cd "$ROOT"
while [ "${1:-}" = --isa ] || [ "${1:-}" = --threads ]; do
  [ -n "${2:-}" ] || { echo "test.sh: $1 needs a value" >&2; exit 2; }
  if [ "$1" = --threads ]; then export OMP_NUM_THREADS="$2"; shift 2; continue; fi
  # the environment of that class, as core.cpu_class_env makes it for a new process: what it unsets and exports
  env_lines="$("$VENV/bin/python" -c "import os, sys, shlex; env0 = dict(os.environ)  # before torch adds to it
from mnist_sgd.core import cpu_class_env
try: env = cpu_class_env(sys.argv[1], env0)
except ValueError as e: sys.exit(f'test.sh: {e}')
print('\n'.join([f'unset {k}' for k in env0 if k not in env]
                + [f'export {k}={shlex.quote(v)}' for k, v in env.items() if env0.get(k) != v]))" "$2")" || exit 2
  eval "$env_lines"; echo "test.sh: CPU class $2${OMP_NUM_THREADS:+, $OMP_NUM_THREADS thread(s)}" >&2; shift 2
done
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
