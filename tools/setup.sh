# Sourced by tools/run.sh, tools/test.sh and .ci/run: create or reuse the virtual environment,
# install the project into it (only when pyproject.toml changed), and point fastai at local data.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MNIST_SGD_VENV:-$ROOT/.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating a virtual environment at $VENV" >&2
  "${PYTHON:-python3}" -m venv "$VENV" || return 1
fi
# Re-install only when pyproject.toml (or the checkout's location) changed since the last install.
_want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16) $ROOT"
if [ "$(cat "$VENV/.mnist_sgd-installed" 2>/dev/null)" != "$_want" ]; then
  echo "setup: installing mnist_sgd and its dev extra into $VENV (first time: a few minutes)" >&2
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[dev]" || return 1
  echo "$_want" > "$VENV/.mnist_sgd-installed"
fi
# The PATH before the venv: tests run with it, as a learner who never activated the venv (tools/test.sh).
export MNIST_SGD_PATH0="${MNIST_SGD_PATH0:-$PATH}"
export PATH="$VENV/bin:$PATH"
export MPLBACKEND="${MPLBACKEND:-Agg}"
# With busy cores, PyTorch's OpenMP threads spin waiting for each other; passive waiting avoids that.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# Offline data: when ../shared/data exists beside the checkout, fastai's untar_data finds MNIST there
# through a temporary fastai config (nothing is downloaded, nothing is written into that folder).
# Set MNIST_SGD_USE_HOME_FASTAI=1 to keep your own ~/.fastai instead.
_shared="$ROOT/../shared/data"
if [ -d "$_shared" ] && [ -z "${MNIST_SGD_USE_HOME_FASTAI:-}" ]; then
  FASTAI_HOME="$(mktemp -d "${TMPDIR:-/tmp}/mnist_sgd_fastai.XXXXXX")"
  export FASTAI_HOME
  cat > "$FASTAI_HOME/config.ini" <<INI
[DEFAULT]
data = $(cd "$_shared" && pwd)
archive = $FASTAI_HOME/archive
storage = $FASTAI_HOME/data
model = $FASTAI_HOME/models
INI
fi
unset _want _shared
