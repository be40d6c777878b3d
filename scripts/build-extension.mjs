#!/usr/bin/env node
// Builds the browser extension (issue 20) for Chromium and Firefox from three sources, none of
// them copied by hand:
//   extension/  its own code: manifest.json (the keys both browsers share), background.js,
//               panel.html/.js/.css (the side panel / sidebar) and content.js (run in the page)
//               (the manifest's keys for one browser only are in manifestFor() below)
//   www/        the widget: pith-summary.js, pith-wasm.js, pith-worker.js, pith-summary.css,
//               laid out under pith/ as the demo server lays them out (pkg/ beside them)
//   pkg/        the wasm and its glue from `make wasm` (pith.js, pith_bg.wasm)
// Output:
//   dist/extension-chromium/, dist/extension-firefox/        unpacked (load these)
//   dist/extension-chromium.zip, dist/extension-firefox.zip  the same files, zipped
//
//   make extension          # = make wasm, then node scripts/build-extension.mjs
//
// The zips are reproducible: entries sorted, one fixed timestamp.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, 'extension');
const WWW = path.join(ROOT, 'www');
const PKG = path.join(ROOT, 'pkg');
export const BROWSERS = ['chromium', 'firefox'];
const OWN_FILES = ['background.js', 'content.js', 'panel.html', 'panel.js', 'panel.css'];
const WIDGET_FILES = ['pith-summary.js', 'pith-wasm.js', 'pith-worker.js', 'pith-summary.css'];
const PKG_FILES = ['pith.js', 'pith_bg.wasm'];
const ICON_SIZES = [16, 32, 48, 128];

/**
 * The manifest for `browser`: extension/manifest.json plus what only one browser reads. Chromium
 * runs the background as a service worker and shows the gist in its side panel (permission
 * sidePanel); Firefox runs it as an event page and shows it in its sidebar (sidebar_action,
 * no permission), and wants an add-on ID for storage.sync.
 */
export function manifestFor(browser, version) {
  const base = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
  const icons = Object.fromEntries(ICON_SIZES.map((s) => [String(s), `icons/pith-${s}.png`]));
  const { manifest_version, name, short_name, ...rest } = base;
  const manifest = { manifest_version, name, short_name, version, ...rest, icons, action: { ...base.action, default_icon: icons } };
  if (browser === 'chromium') {
    manifest.permissions = [...base.permissions, 'sidePanel'];
    manifest.background = { service_worker: 'background.js' };
    manifest.side_panel = { default_path: 'panel.html' };
    // sidePanel.open() from a click.
    manifest.minimum_chrome_version = '116';
  } else {
    manifest.background = { scripts: ['background.js'] };
    manifest.sidebar_action = {
      default_panel: 'panel.html',
      default_title: 'pith',
      default_icon: icons,
      open_at_install: false,
    };
    manifest.browser_specific_settings = {
      gecko: {
        id: 'pith-summary@pith',
        // data_collection_permissions (nothing is collected) is read from Firefox 140 on, and
        // 142 on Android; web-ext lint warns for anything older.
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// Icons: drawn here (a rounded square in the widget's accent with three lines of text getting
// shorter, the gist of a page), so no binary sits in the repository.

function crcTable() {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
const CRC = crcTable();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGBA PNG of `size` pixels square; `paint(x, y)` gives [r, g, b, a] in 0..1 units. */
function png(size, paint) {
  const SS = 4; // 4x4 samples a pixel: smooth edges
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const [pr, pg, pb, pa] = paint((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size);
          r += pr * pa; g += pg * pa; b += pb * pa; a += pa;
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const n = SS * SS;
      rows[o] = a ? Math.round((r / a) * 255) : 0;
      rows[o + 1] = a ? Math.round((g / a) * 255) : 0;
      rows[o + 2] = a ? Math.round((b / a) * 255) : 0;
      rows[o + 3] = Math.round((a / n) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The icon at (u, v) in 0..1: the accent square (#2f5bd3, corner radius 0.2) and white lines. */
function iconPaint(u, v) {
  const inRoundedSquare = (() => {
    const r = 0.2;
    const dx = Math.max(r - u, u - (1 - r), 0);
    const dy = Math.max(r - v, v - (1 - r), 0);
    return dx * dx + dy * dy <= r * r;
  })();
  if (!inRoundedSquare) return [0, 0, 0, 0];
  const lines = [[0.28, 0.78], [0.47, 0.66], [0.66, 0.52]]; // [centre y, right end]
  for (const [cy, right] of lines) {
    const h = 0.055;
    const dx = Math.max(0.22 - u, u - right, 0);
    const dy = Math.max(Math.abs(v - cy) - h, 0);
    if (dx * dx + dy * dy <= h * h) return [1, 1, 1, 1];
  }
  return [0x2f / 255, 0x5b / 255, 0xd3 / 255, 1];
}

// ---------------------------------------------------------------------------------------------
// Zip (stored for the wasm and PNGs, deflated otherwise), reproducible.

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (2024 - 1980) << 9 | 1 << 5 | 1; // 2024-01-01

export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of files) {
    const store = /\.png$/.test(name); // already deflated
    const body = store ? data : zlib.deflateRawSync(data, { level: 9 });
    const fname = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fname.length, 26);
    locals.push(local, fname, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fname.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, fname);
    offset += 30 + fname.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

// ---------------------------------------------------------------------------------------------

/** Every file of one browser's extension: [relative path, Buffer], sorted. */
function filesFor(browser, version, icons) {
  const files = new Map();
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifestFor(browser, version), null, 2)}\n`));
  for (const name of OWN_FILES) files.set(name, fs.readFileSync(path.join(EXT, name)));
  for (const name of WIDGET_FILES) files.set(`pith/${name}`, fs.readFileSync(path.join(WWW, name)));
  for (const name of PKG_FILES) files.set(`pith/pkg/${name}`, fs.readFileSync(path.join(PKG, name)));
  for (const [size, data] of icons) files.set(`icons/pith-${size}.png`, data);
  return [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Builds both extensions into `out` (default dist/); returns {browser: {dir, zip, bytes}}. */
export function buildExtension(out = path.join(ROOT, 'dist')) {
  for (const f of PKG_FILES) {
    if (!fs.existsSync(path.join(PKG, f))) throw new Error(`pkg/${f} is missing: run \`make wasm\` first`);
  }
  const version = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8')).version;
  const icons = ICON_SIZES.map((s) => [s, png(s, iconPaint)]);
  const built = {};
  for (const browser of BROWSERS) {
    const files = filesFor(browser, version, icons);
    const dir = path.join(out, `extension-${browser}`);
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [name, data] of files) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), data);
    }
    const archive = zip(files);
    const file = `${dir}.zip`;
    fs.writeFileSync(file, archive);
    built[browser] = { dir, zip: file, bytes: archive.length, files: files.map(([n]) => n) };
  }
  return built;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    const built = buildExtension();
    for (const [browser, b] of Object.entries(built)) {
      console.log(`extension (${browser}): ${path.relative(ROOT, b.zip)} ${b.bytes} bytes, ${b.files.length} files; unpacked in ${path.relative(ROOT, b.dir)}/`);
    }
  } catch (err) {
    console.error(`extension: ${err.message}`);
    process.exit(1);
  }
}
