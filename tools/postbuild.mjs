// Trunk post_build hook: keeps the Content-Security-Policy strict by moving
// every inline <script> trunk writes into a file of its own, then writes the
// 404.html fallback that static hosts serve for deep links.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
let moved = 0;
html = html.replace(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
  if (!body.trim()) return whole;
  const name = `boot-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  moved += 1;
  const isModule = /type\s*=\s*["']?module/.test(attrs);
  return `<script${isModule ? ' type="module"' : ''} src="${name}"></script>`;
});
writeFileSync(indexPath, html);
writeFileSync(join(dir, '404.html'), html);
console.log(`postbuild: moved ${moved} inline script(s), wrote 404.html`);
