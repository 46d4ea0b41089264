"""Test images for the notebooks `13_predict` and `31_cli` (not part of the package): digits drawn as a person would,
and PNG headers without pixels."""
import json, shutil, struct, subprocess, time, urllib.request, zlib
from pathlib import Path
import numpy as np
from PIL import Image

def draw_on_paper(x, rng:np.random.Generator, size=(100, 400), max_angle:float=12., colour:bool=None) -> Image.Image:
    "A 'photo' of 28x28 digit `x` (ink 1 on 0): dark ink on light grey paper, scaled to `size` px, turned, moved, noisy."
    n = int(rng.integers(*size))
    ink = Image.fromarray((np.asarray(x, np.float32) * 255).astype(np.uint8), 'L').resize((n, n), Image.BICUBIC)
    ink = ink.rotate(float(rng.uniform(-max_angle, max_angle)), Image.BICUBIC, expand=True)
    W, H = (int(ink.size[0] * rng.uniform(1.3, 2.2)) for _ in range(2))
    alpha = np.zeros((H, W), np.float32)
    top, left = int(rng.integers(0, H - ink.size[1] + 1)), int(rng.integers(0, W - ink.size[0] + 1))
    alpha[top:top+ink.size[1], left:left+ink.size[0]] = np.asarray(ink, np.float32) / 255
    paper, pen = rng.uniform(170, 250), rng.uniform(0, 80)
    light = 1 + 0.08 * np.linspace(-1, 1, W)[None] * rng.choice([-1, 1])  # uneven lighting across the sheet
    g = (paper * light * (1 - alpha) + pen * alpha + rng.normal(0, 4, alpha.shape)).clip(0, 255)
    if rng.random() < 0.3 if colour is None else colour:
        tint = rng.uniform(0.85, 1.0, 3)  # warm paper, bluish ink
        rgb = np.stack([g * tint[0], g * tint[1], g * tint[2] + 20 * alpha], -1)
        return Image.fromarray(rgb.clip(0, 255).astype(np.uint8), 'RGB')
    return Image.fromarray(g.astype(np.uint8), 'L')

def png_header(w:int, h:int) -> bytes:
    "The signature, header and an empty data chunk of a PNG of `w`x`h` 8-bit greyscale pixels: no pixels at all."
    def chunk(kind, data): return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind+data))
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0)) + chunk(b'IDAT', b'')


# Headless Chromium, driven over the Chrome DevTools Protocol (used by `14_serve` and `21_docs_site_check`)
CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
                '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--window-size=1200,900']


class CDP:
    "A minimal Chrome DevTools Protocol client over one page target."
    def __init__(self, ws_url):
        import websocket  # websocket-client
        self.ws, self.n, self.events = websocket.create_connection(ws_url, timeout=30, suppress_origin=True), 0, []
    def __call__(self, method, **params):
        self.n += 1
        self.ws.send(json.dumps(dict(id=self.n, method=method, params=params)))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get('id') == self.n:
                if 'error' in msg: raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get('result', {})
            self.events.append(msg)
    def wait_for(self, method, timeout=30):
        t0 = time.time()
        while time.time() - t0 < timeout:
            if any(e.get('method') == method for e in self.events): return
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(f'no {method} after {timeout} s')
    def close(self): self.ws.close()


def start_chromium(profile, chromium=None):
    "Start headless Chromium with remote debugging; returns (process, websocket URL of its page)."
    proc = subprocess.Popen([chromium or shutil.which('chromium'), *CHROME_FLAGS, f'--user-data-dir={profile}',
                             '--remote-debugging-port=0', 'about:blank'],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = Path(profile)/'DevToolsActivePort'
    for _ in range(300):
        if port_file.exists() and port_file.read_text().strip(): break
        if proc.poll() is not None: raise RuntimeError(f'chromium exited with {proc.returncode}')
        time.sleep(0.1)
    port = int(port_file.read_text().split()[0])
    with urllib.request.urlopen(f'http://127.0.0.1:{port}/json/list', timeout=10) as r: targets = json.loads(r.read())
    return proc, next(t['webSocketDebuggerUrl'] for t in targets if t['type'] == 'page')
