// Where the wasm's bytes go: the largest functions and data, and the bytes
// per crate, measured with twiggy on the shipped build's code with its names
// kept. `./x size` builds that copy (the release wasm from rustc, through
// wasm-bindgen and wasm-opt with the shipped settings plus --debuginfo, so
// the function names survive) and runs this script on it.
//
// Usage: node tools/size-breakdown.mjs <named.wasm>... [--top N] [--write docs/SIZE.md]
// Several files (one per bundle): one section each, named after the file.
// With --write, the tables between the `size:begin` and `size:end` markers
// of that file are replaced; the notes around them are left as they are.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const top = Number(opt('--top', files.length > 1 ? 15 : 30));
const write = opt('--write', null);
if (!files.length) {
  console.error('usage: node tools/size-breakdown.mjs <named.wasm>... [--top N] [--write docs/SIZE.md]');
  process.exit(2);
}

function breakdown(wasm) {
const csv = execFileSync('twiggy', ['top', '--format', 'csv', wasm], { maxBuffer: 256 << 20 }).toString();
/** Parses twiggy's CSV (names may hold commas and quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
const [header, ...body] = parseCsv(csv);
const col = (n) => header.indexOf(n);
const items = body
  .filter((r) => r.length >= header.length)
  .map((r) => ({ name: r[col('Name')], size: Number(r[col('ShallowSize')]) }))
  .filter((r) => Number.isFinite(r.size));
/**
 * The crate an item belongs to: the first path segment of its demangled name
 * (for `<A as B>::f`, A's crate when A is a path, else B's); serde derives in
 * the app get a group of their own; null for the names kept for this report.
 */
function crateOf(name) {
  if (/subsection"?$|^custom section/.test(name)) return null;
  if (/^data segment/.test(name)) return '(data: strings, tables, vtables)';
  if (/^(code|type|import|export|elem|table|memory|global|func|start)\b|magic bytes|header/.test(name)) return '(unnamed code, imports, exports, tables)';
  if (/^tid_og_lyst(_core)?::.*_::<impl serde(_core)?::(de|ser)::/.test(name)) return 'tid_og_lyst (serde derives)';
  const m = name.match(/^<+&?(?:mut |dyn )?(\S+?) as &?(?:mut |dyn )?([^\s>]+)/);
  const candidates = m ? [m[1], m[2]] : [name.replace(/^[<&]+(?:mut |dyn )?/, '')];
  for (const c of candidates) {
    const k = c.match(/^([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    if (k) return k[1];
  }
  return '(other)';
}
const shipped = items.filter((it) => crateOf(it.name) !== null);
const total = shipped.reduce((t, r) => t + r.size, 0);
const crates = new Map();
for (const it of shipped) {
  const c = crateOf(it.name);
  const e = crates.get(c) || { crate: c, size: 0, count: 0 };
  e.size += it.size;
  e.count += 1;
  crates.set(c, e);
}
const byCrate = [...crates.values()].sort((a, b) => b.size - a.size);
const largest = [...shipped].sort((a, b) => b.size - a.size).slice(0, top);

const pct = (n) => `${((100 * n) / total).toFixed(1)} %`;
const short = (s) => (s.length > 110 ? `${s.slice(0, 107)}…` : s).replace(/\|/g, '\\|');
const lines = [];
lines.push(`Measured on \`${wasm.split('/').pop()}\`: ${total.toLocaleString('en')} bytes in ${shipped.length.toLocaleString('en')} items (raw, twiggy shallow sizes, without the name section kept for this report).`);
lines.push('');
lines.push('| # | crate | items | bytes | share |');
lines.push('|---|---|---|---|---|');
byCrate.slice(0, files.length > 1 ? 12 : 25).forEach((c, i) => lines.push(`| ${i + 1} | ${short(c.crate)} | ${c.count} | ${c.size.toLocaleString('en')} | ${pct(c.size)} |`));
lines.push('');
lines.push(`| # | largest items | bytes | share |`);
lines.push('|---|---|---|---|');
largest.forEach((it, i) => lines.push(`| ${i + 1} | \`${short(it.name).replace(/`/g, "'")}\` | ${it.size.toLocaleString('en')} | ${pct(it.size)} |`));
return lines.join('\n');
}

const table = files.length === 1
  ? breakdown(files[0])
  : files.map((f) => `### \`${f.split('/').pop().replace(/\.wasm$/, '')}\`\n\n${breakdown(f)}`).join('\n\n');
console.log(table);

if (write) {
  const doc = readFileSync(write, 'utf8');
  const begin = '<!-- size:begin -->';
  const end = '<!-- size:end -->';
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${write} has no ${begin} … ${end} markers`);
  writeFileSync(write, `${doc.slice(0, a + begin.length)}\n${table}\n${doc.slice(b)}`);
  console.log(`\n(tables written into ${write})`);
}
