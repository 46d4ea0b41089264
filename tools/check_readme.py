"""README.md is the rendering of nbs/index.ipynb. `nbdev-readme` needs Quarto, so here nbdev's processor drops the
`#| hide` and export cells and the directives, and nbconvert writes the Markdown, outputs included.
`python tools/check_readme.py` fails if README.md differs; `--write` rewrites it."""
import re, sys, nbformat
from pathlib import Path
from nbconvert import MarkdownExporter
from fastcore.nbio import read_nb, nb2str
from nbdev.process import NBProcessor
from nbdev.processors import rm_export
ROOT = Path(__file__).resolve().parents[1]

def render(path=ROOT/'nbs'/'index.ipynb'):
    "The README text for notebook `path`."
    nb = read_nb(path); NBProcessor(nb=nb, procs=[rm_export], process=True)
    nb.metadata['language_info'] = {'name': 'python'}   # so code blocks are fenced as python
    md, _ = MarkdownExporter().from_notebook_node(nbformat.reads(nb2str(nb), as_version=4))
    return '<!-- Generated from nbs/index.ipynb by tools/check_readme.py --write; do not edit. -->\n\n' + re.sub(r'\n{3,}', '\n\n', md).strip() + '\n'

if __name__ == '__main__':
    text, readme = render(), ROOT/'README.md'
    if '--write' in sys.argv: readme.write_text(text); print('wrote README.md')
    elif readme.exists() and readme.read_text() == text: print('README.md matches nbs/index.ipynb')
    else: sys.exit('README.md differs from the rendering of nbs/index.ipynb: run `python tools/check_readme.py --write`')
