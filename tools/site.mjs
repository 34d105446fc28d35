// The app as the build's JavaScript sees it, read from Rust, never written
// here: the route table (src/routes.rs: each page's pattern, bundle and
// static page file), the bundles and their cargo binaries, the loader's
// table of first segment → bundle, and the storage names (src/names.rs).
// examples/site.rs prints them; the build, the size tool, the browser tests
// and the benchmarks all read them from here.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The site facts (a native run of examples/site.rs, cached by cargo). */
export const SITE = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--example', 'site'], {
  cwd: resolve(import.meta.dirname, '..'),
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}));

/** The routes with a static page of their own: [{ pattern, bundle, page }], in the table's order. */
export const PAGE_ROUTES = SITE.routes.filter((r) => r.page);

/**
 * The bundle of the address `path` (below the base): its first segment looked
 * up in the generated table (routes::first_segment reads it the same way).
 * Every page's loader carries this function's source.
 */
export function bundleAt(path, segments = SITE.segments, fallback = SITE.fallback) {
  const first = path.split(/[?#]/)[0].replace(/^\//, '').split('/')[0];
  return Object.prototype.hasOwnProperty.call(segments, first) ? segments[first] : fallback;
}
