// Shared by the e2e scripts: TAP-like output (`ok N - name` / `not ok N - name`, a final
// `# <label>: N passed, M failed`), assertions, a plain HTTP GET for server checks, and a static
// server for built pages.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * A test run whose summary line starts with `label` ("e2e", "widget e2e"). With `testTimeoutMs`,
 * a test still running after that long fails with a message naming it, instead of stalling the
 * whole run until its watchdog bails with no clue which step hung (a page whose frames stop
 * under load once did that on CI).
 */
export function harness(label, { testTimeoutMs } = {}) {
  let passed = 0;
  let failed = 0;
  let n = 0;
  const bounded = (name, fn) => {
    if (!testTimeoutMs) return fn();
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name}: still running after ${testTimeoutMs / 1000} s`)), testTimeoutMs);
    });
    return Promise.race([fn(), late]).finally(() => clearTimeout(timer));
  };
  return {
    async test(name, fn) {
      try {
        await bounded(name, fn);
        passed++;
        console.log(`ok ${++n} - ${name}`);
      } catch (err) {
        failed++;
        console.log(`not ok ${++n} - ${name}`);
        const msg = (err && err.stack) || String(err);
        for (const line of msg.split('\n').slice(0, 8)) console.log(`#   ${line}`);
      }
    },
    /** Stops the run before any test could start. */
    bail(message) {
      console.log(`Bail out! ${message}`);
      console.log(`# ${label}: 0 passed, 1 failed`);
      process.exit(1);
    },
    /** Prints the summary and exits non-zero on any failure. */
    finish() {
      console.log(`# ${label}: ${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function assertEq(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}\n  expected: ${JSON.stringify(expected)}\n  actual:   ${JSON.stringify(actual)}`);
  }
}

/** GET on the loopback test server from Node (no browser): resolves {status, headers, body}. */
export function get(port, urlPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Asserts that each `[path, type]` is served with status 200 and a content type starting with `type`. */
export async function assertServed(port, cases) {
  for (const [p, type] of cases) {
    const r = await get(port, p);
    assertEq(r.status, 200, `status of ${p}`);
    assert(r.headers['content-type'].startsWith(type), `${p}: content-type ${r.headers['content-type']}`);
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.ts': 'text/plain; charset=utf-8',
};

/** A static server of `dir` at / on 127.0.0.1 (a free port), with CSP `csp` on HTML. */
export function serveDir(dir, csp) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, ...(type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}) });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
