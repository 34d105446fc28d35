// Size report: raw, gzip -9 and brotli -q 11 bytes of what the first load
// fetches (index.html, scripts, wasm, css, icon), file by file and in total.
// Usage: node tools/size.mjs [dist] [--json]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
const asJson = process.argv.includes('--json');

export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

// The first load is index.html and everything it references directly.
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = new Set(['index.html']);
for (const m of index.matchAll(/(?:src|href)="([^"]+)"/g)) {
  const name = m[1].replace(/^\.?\//, '').split(/[?#]/)[0];
  try {
    if (statSync(join(dist, name)).isFile()) referenced.add(name);
  } catch { /* not a local file */ }
}
// Scripts moved out of the HTML import the wasm-bindgen glue and the wasm.
for (const f of readdirSync(dist)) {
  if (/\.(wasm|js)$/.test(f) && /tid-og-lyst/.test(f)) referenced.add(f);
}

const rows = [...referenced].sort().map((f) => ({ file: f, kind: extname(f).slice(1), ...sizes(readFileSync(join(dist, f))) }));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const byKind = {};
for (const r of rows) {
  const k = (byKind[r.kind] ||= { raw: 0, gzip: 0, brotli: 0 });
  k.raw += r.raw; k.gzip += r.gzip; k.brotli += r.brotli;
}

if (asJson) {
  console.log(JSON.stringify({ files: rows, byKind, total }, null, 2));
} else {
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'file'.padEnd(48)} ${pad('raw', 10)} ${pad('gzip -9', 10)} ${pad('brotli 11', 10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(48)} ${pad(r.raw, 10)} ${pad(r.gzip, 10)} ${pad(r.brotli, 10)}`);
  for (const [k, v] of Object.entries(byKind)) console.log(`${('all .' + k).padEnd(48)} ${pad(v.raw, 10)} ${pad(v.gzip, 10)} ${pad(v.brotli, 10)}`);
  console.log(`${'FIRST LOAD TOTAL'.padEnd(48)} ${pad(total.raw, 10)} ${pad(total.gzip, 10)} ${pad(total.brotli, 10)}`);
}
