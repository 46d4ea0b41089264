"""Run notebooks the way a learner does, in a real Jupyter kernel ("Run all": every cell), or check their saved outputs.

    python tools/run_notebooks.py [NOTEBOOK ...] [--skip slow]   # one line per notebook, then "jupyter: N passed, M failed"
    python tools/run_notebooks.py --check-outputs                 # fail if a saved output shows a machine path or a warning
"""
import argparse, json, os, re, subprocess, sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
MACHINE_PATH = re.compile('|'.join([r'site-packages', r'/home/', r'/root/', r'/Users/', r'/tmp/', r'[A-Z]:\\\\Users',
                                    re.escape(str(ROOT)), re.escape(str(Path.home()))]))

def notebooks(paths): return sorted(p for a in paths or [ROOT/'nbs'] for p in ([Path(a)] if Path(a).is_file() else Path(a).glob('*.ipynb'))
                                    if not p.name.startswith(('_', '.')))

def run(path:Path, skip=(), timeout:int=900) -> tuple:
    "Execute every cell of notebook `path` (but those flagged `#| <skip>`) in a fresh `python3` kernel in its folder: the line that reports it, and whether it passed."
    nb, t = nbformat.read(path, as_version=4), time.time()
    if skip: nb.cells = [c for c in nb.cells if not re.search(rf"^#\|\s*({'|'.join(skip)})\b", c.source, re.M)]
    try: NotebookClient(nb, timeout=timeout, kernel_name='python3', resources={'metadata': {'path': str(path.parent)}}).execute(
        stderr=subprocess.DEVNULL)  # the kernel's own log lines; errors in cells still come back through Jupyter's protocol
    except Exception as e:
        lines = [l for l in re.sub(r'\x1b\[[0-9;]*m', '', str(e)).splitlines() if l.strip()]
        return f"real kernel: {path.name} FAILED ({time.time() - t:.0f} s): {type(e).__name__}\n  " + '\n  '.join(lines[-8:]), False
    return f"real kernel: {path.name} passed ({time.time() - t:.0f} s)", True

def bad_outputs(path:Path) -> list:
    "Saved outputs of `path` that show a path of this machine or a warning on stderr: `(cell number, text)` pairs."
    bad = []
    for i, c in enumerate(json.loads(path.read_text())['cells']):
        for o in c.get('outputs', []):
            t = json.dumps(o)
            if MACHINE_PATH.search(t) or (o.get('name') == 'stderr' and 'Warning' in t): bad.append((i, t[:200]))
    return bad

def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('paths', nargs='*', help='notebooks or folders (default: nbs/)')
    p.add_argument('--skip', nargs='*', default=[], help='leave out cells with these flags, e.g. slow')
    p.add_argument('--check-outputs', action='store_true', help='only check the saved outputs')
    a = p.parse_args(argv)
    nbs, failed, start = notebooks(a.paths), 0, time.time()
    if a.check_outputs:
        for nb in nbs:
            for i, t in bad_outputs(nb): print(f"{nb.name}, cell {i}: a saved output shows a machine path or a warning: {t}"); failed += 1
        if failed: print("Re-run those notebooks (bash tools/test.sh NOTEBOOK --save) after removing the cause.")
        return int(failed > 0)
    os.environ.pop('MPLBACKEND', None)  # a real kernel draws plots inline, as in Jupyter
    for nb in nbs:
        line, ok = run(nb, a.skip); print(line, flush=True); failed += not ok
    print(f"jupyter: {len(nbs) - failed} passed, {failed} failed ({time.time() - start:.0f} s)")
    return int(failed > 0)

if __name__ == '__main__': sys.exit(main())
