"""README.md is the rendering of nbs/index.ipynb, as in every nbdev project.

nbdev renders it with Quarto (`nbdev-readme`), which cannot be installed offline, so this renders it with
nbconvert's Markdown exporter instead: cells marked `#| hide` are dropped, directive lines are removed, outputs kept.
`python tools/check_readme.py` fails if README.md differs; `--write` regenerates it.
"""
import re, sys
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_docs import split_directives  # the docs build's reading of `#|` directives

ROOT = Path(__file__).resolve().parent.parent

def render(nb_path=ROOT/'nbs'/'index.ipynb') -> str:
    "The README text for notebook `nb_path`."
    nb = nbformat.read(nb_path, as_version=4)
    cells = []
    for c in nb.cells:
        if c.cell_type == 'code':
            dirs, c.source = split_directives(c.source)
            if 'hide' in dirs or dirs.get('include') == 'false' or not c.source.strip(): continue
        cells.append(c)
    nb.cells = cells
    nb.metadata['language_info'] = {'name': 'python'}  # so code blocks are fenced as python
    body, _ = MarkdownExporter().from_notebook_node(nb)
    body = re.sub(r'\n{3,}', '\n\n', body).strip() + '\n'
    return "<!-- Generated from nbs/index.ipynb by tools/check_readme.py --write; do not edit. -->\n\n" + body

def main():
    text, readme = render(), ROOT/'README.md'
    if '--write' in sys.argv:
        readme.write_text(text); print(f"wrote {readme}"); return 0
    if readme.exists() and readme.read_text() == text: print("README.md matches nbs/index.ipynb"); return 0
    print("README.md differs from the rendering of nbs/index.ipynb: run `python tools/check_readme.py --write`")
    return 1

if __name__ == '__main__': sys.exit(main())
