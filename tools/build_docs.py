"""Offline docs site in `_site/`: nbdev's own notebook processing (as `nbdev-docs` runs it: `#| hide` and export cells
hidden, `show_doc` added and run, `names` linked, titles read), rendered by nbconvert instead of Quarto, which cannot
be installed offline, plus what Quarto adds: its cell options (`echo`, `output`, `include`) and a page shell linking
every page. Self-contained: CSS inline, images as data: URIs, formulas as MathML made here (no MathJax or KaTeX to
fetch). Exits with status 1 if a cell would stop `nbdev-docs`. Usage: `python tools/build_docs.py [--out DIR]`."""
import argparse, jinja2, json, nbformat, os, re, shutil, sys, time, warnings
from pathlib import Path
from nbconvert import HTMLExporter
from latex2mathml.converter import convert as latex2mathml
from fastcore.nbio import read_nb, nb2str, mk_cell
from nbdev.config import get_config, nbpath2html
from nbdev.doclinks import nbglob
from nbdev.processors import FilterDefaults, exec_show_docs
ROOT = Path(__file__).resolve().parents[1]

STOPS = []   # the cells nbdev-docs would stop on

class exec_doc_cells(exec_show_docs):
    "nbdev's `exec_show_docs`, but a cell that fails alone (nbdev runs cells that mix imports and code) keeps its outputs"
    def __call__(self, cell):
        outs = cell.get('outputs')
        try: super().__call__(cell)
        except Exception as e:
            cell.outputs, self.k.exc = outs, None
            line = next(l for l in cell.source.splitlines() if not l.startswith('#|'))[:60]
            STOPS.append((Path(self.nb.path_).name, line))
            print(f'docs: {Path(self.nb.path_).name}, the cell starting {line!r}: {str(e).splitlines()[-1]}; its saved outputs '
                  'are shown (nbdev-docs would stop: give its imports a cell of their own)', file=sys.stderr)

class DocProcs(FilterDefaults):
    def base_procs(self): return [exec_doc_cells if p is exec_show_docs else p for p in super().base_procs()]

MATH = re.compile(r'(```.*?```|`[^`\n]*`)|\$\$(.+?)\$\$|\$([^$\n]+?)\$', re.S)

def mathml(md, formulas:list):
    """Markdown `md` with each formula, `$...$` or `$$...$$` (not in code), replaced by a placeholder; its MathML, which
    browsers render themselves, goes to `formulas` (put back into the page's HTML: nbconvert's renderer would take the
    tags apart)."""
    def sub(m):
        if m[1]: return m[1]
        formulas.append(latex2mathml(m[2] or m[3], display='block' if m[2] else 'inline'))
        return f'@@MATH{len(formulas) - 1}@@'
    return MATH.sub(sub, md)

def page_cells(nb, site_url, formulas:list):
    "The cells of an nbdev-processed notebook as its page shows them: the title block, then what Quarto would show."
    fm, cells = nb.frontmatter_, []
    local = lambda md: re.sub(r'\]\(([\w./-]+?\.ipynb)', lambda m: f']({nbpath2html(m[1])}', md.replace(site_url, ''))
    for c in nb.cells:
        if c.cell_type == 'markdown': c.source = mathml(local(c.source), formulas); cells.append(c)
        if c.cell_type != 'code': continue
        d = c.directives; c.remove_directives(); c.metadata.pop('execution', None)   # exec_show_docs' timings
        if d.get('include') == 'false': continue
        if d.get('output') == 'false': c.outputs = []
        if d.get('echo') == 'false' and not c.outputs: continue   # a check that shows nothing: hidden, as Quarto does
        if d.get('echo') == 'false': c.metadata['transient'] = {'remove_source': True}
        for o in c.outputs:   # show_doc's markdown, less Quarto's {target=...} link attributes
            if 'text/markdown' in o.get('data', {}): o.data['text/markdown'] = re.sub(r'\{target=[^}]*\}', '', local(o.data['text/markdown']))
        cells.append(c)
    return [mk_cell(f"# {fm['title']}" + (f"\n\n> {fm['description']}" if fm.get('description') else ''), 'markdown')] + cells

SHELL = r"""{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock -%}{%- block html_head_js_mathjax -%}{%- endblock -%}
{%- block html_head_js_mermaidjs -%}{%- endblock -%}{% block jupyter_widgets %}{% endblock %}
{% block extra_css %}<link rel="icon" href="data:,"><style>
body.jp-Notebook { margin: 0; font-family: system-ui, sans-serif; }
#site-header { position: fixed; top: 0; left: 0; right: 0; height: 3.2rem; z-index: 10; background: #2780e3;
  display: flex; align-items: center; gap: 1.4rem; padding: 0 1.2rem; }
#site-header a { color: #fff; text-decoration: none; font-size: 1.2rem; }
#site-sidebar { position: fixed; top: 3.2rem; bottom: 0; left: 0; width: 15rem; overflow-y: auto; padding: 1rem .8rem;
  border-right: 1px solid #e5e5e5; background: #fafafa; box-sizing: border-box; }
#site-sidebar ul { list-style: none; padding: 0; margin: 0; }
#site-sidebar a { display: block; padding: .2rem .5rem; border-radius: .3rem; color: #333; text-decoration: none; }
#site-sidebar a.active { background: #2780e3; color: #fff; }
#site-main { margin-left: 15rem; padding: 4.2rem 2rem 3rem; max-width: 62rem; } #site-main img { max-width: 100%; }
#site-main blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1rem; color: #555; }
</style>{% endblock extra_css %}
{%- block body_header -%}<body class="jp-Notebook" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
<header id="site-header"><a href="index.html">{{ resources.site.title | e }}</a>
{% if resources.site.repo %}<a href="{{ resources.site.repo }}">GitHub</a>{% endif %}</header>
<aside id="site-sidebar"><ul>{% for p in resources.site.pages %}<li><a href="{{ p.page }}"
{%- if p.page == resources.site.page %} class="active"{% endif %}>{{ p.title | e }}</a></li>{% endfor %}</ul></aside>
<main id="site-main">{%- endblock body_header -%}
{% block body_footer %}<footer>Built from <code>nbs/{{ resources.site.source }}</code> by tools/build_docs.py</footer></main></body>{% endblock %}"""

def build(out):
    "Process every notebook with nbdev's processors and write its page into `out`; returns the pages."
    t0, cfg = time.time(), get_config()
    warnings.filterwarnings('ignore', message='Found cells containing imports')   # reported per failing cell instead
    nbs = sorted(nbglob(cfg.nbs_path, as_path=True), key=lambda p: (p.name != 'index.ipynb', p.name))   # nbdev's sidebar order
    nbs = [(p, read_nb(p)) for p in nbs]
    for p, nb in nbs: DocProcs()(nb)
    pages = [dict(page=str(nbpath2html(p.name)), title=nb.frontmatter_.get('title', p.stem), source=p.name) for p, nb in nbs]
    ex = HTMLExporter(template_name='lab', extra_loaders=[jinja2.DictLoader({'site.j2': SHELL})], template_file='site.j2',
                      exclude_input_prompt=True, exclude_output_prompt=True, embed_images=True)
    shutil.rmtree(out, ignore_errors=True); Path(out).mkdir(parents=True)
    for pg, (p, nb) in zip(pages, nbs):
        formulas = []; nb.cells = page_cells(nb, f'{cfg.doc_host}{cfg.doc_baseurl}/', formulas)
        nb.metadata['title'] = pg['title'] if pg['page'] == 'index.html' else f"{pg['title']} – {cfg.title}"
        site = dict(pg, title=cfg.title, repo=cfg.git_url, pages=pages)
        html, _ = ex.from_notebook_node(nbformat.reads(nb2str(nb), as_version=4), resources=dict(site=site))
        html = re.sub(r'@@MATH(\d+)@@', lambda m: formulas[int(m[1])], html)
        if html.count('<math ') != len(formulas): raise RuntimeError(f"{p.name}: a formula was lost on its way to HTML")
        (Path(out)/pg['page']).write_text(html, encoding='utf-8')
    (Path(out)/'site.json').write_text(json.dumps(dict(pages=pages), indent=1))
    print(f'docs: {len(pages)} pages in {out} ({time.time()-t0:.0f} s)')
    return pages

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0]); ap.add_argument('--out', default=str(ROOT/'_site'))
    out = Path(ap.parse_args().out).resolve(); os.chdir(ROOT); build(out)   # nbdev's processors read the config from the cwd
    if STOPS: sys.exit(f'docs: {len(STOPS)} cell(s) would stop nbdev-docs (see above): give their imports a cell of their own')
