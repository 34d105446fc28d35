// Static first paint: for every route, the body the app itself renders first
// (skip link, header with the navigation and display controls, the page's
// top, the footer), written into the page by tools/postbuild.mjs so the
// browser paints it before the wasm has loaded. The app removes every
// `[data-shell]` element and mounts its own DOM in the same task, so nothing
// is painted in between.
//
// The markup is not written here: examples/first_paint.rs renders the app's
// own components (ui::frame, the route table's first paints, each part's
// `top`) to HTML natively with Leptos's `ssr` feature. This file adds the two
// inline scripts the static pages carry.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { SITE } from './site.mjs';

/**
 * The first paints under `base` (the `<base href>`, ending in '/'), from the
 * catalogue `catalogue`: { pages: { pattern: body }, deep: 404.html's body,
 * records: [{ part, store, legacy }], examples: [{ id, path, body }] }.
 */
export function firstPaint(base, catalogue) {
  return JSON.parse(execFileSync('cargo', ['run', '--quiet', '--example', 'first_paint', '--', base, catalogue], {
    cwd: resolve(import.meta.dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  }));
}

/**
 * Marks the page's root `fresh` when local storage holds no key of the app
 * (the app writes `tidoglyst.schema` on every start, before anything else):
 * inline in <head>, allowed by its hash in the Content-Security-Policy, so it
 * runs before the first paint without a request of its own. Blocked storage
 * counts as not fresh. What a device on which the app has never run shows
 * (nothing stored yet) is marked `data-fresh` in the first paint and shown
 * only then; anywhere else the app paints it once it knows what is stored.
 */
export const FRESH_SCRIPT =
  `try{if(!Object.keys(localStorage).some(function(k){return k.indexOf(${JSON.stringify(SITE.storage.prefix)})===0}))document.documentElement.classList.add('fresh')}catch(e){}`;

/** A record's id in an address, as the app writes it. */
export const RECORD_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * 404.html's own inline script, at the end of its body (allowed by its hash
 * like FRESH_SCRIPT): marks the navigation's part of the address shown (as
 * the app's navigation does: its path or one below it); on a dream's or a
 * workshop's page it looks the record up in the store its template names
 * (`records` of the first paint), and paints the template's message when
 * the record is not there, so someone who opens a link to a dream or a
 * workshop they do not have learns it before the wasm has loaded. A record
 * that is there, or a storage that cannot be read, is left to the app.
 * Paths compare as the browser resolves them against <base href>, so the
 * sub-path build needs nothing else.
 */
export const DEEP_SCRIPT =
  "try{(function(){var l=location.pathname,a=document.querySelectorAll('.main-nav a'),r=document.querySelectorAll('template[data-record]'),i,p,d;" +
  "for(i=0;i<a.length;i++)if(l===a[i].pathname||l.indexOf(a[i].pathname+'/')===0)a[i].setAttribute('aria-current','page');" +
  // A record's page: is the record on this device? The loader waits for the
  // answer (globalThis.tolPeek, at most half a second) before it fetches the wasm.
  "for(i=0;i<r.length;i++){p=new URL(r[i].getAttribute('data-record'),document.baseURI).pathname+'/';d=l.slice(p.length);" +
  "if(l.indexOf(p)===0&&/^" + RECORD_ID + "$/.test(d)){globalThis.tolPeek=new Promise(function(done){try{peek(r[i],d,done)}catch(e){done()}setTimeout(done,500)});return}}" +
  "function peek(t,id,done){" +
  "function gone(){var m=document.getElementById('main-shell');if(m&&!m.firstChild)m.appendChild(t.content.cloneNode(true));done()}" +
  // A device the app has never run on (it writes tidoglyst.schema first on
  // every start) holds no record: said at once, in the first paint.
  "if(!Object.keys(localStorage).some(function(k){return k.indexOf(" + JSON.stringify(SITE.storage.prefix) + ")===0}))return gone();" +
  // The first version's records, not yet moved into IndexedDB (or kept in
  // local storage where IndexedDB is blocked): the app reads them.
  "if(localStorage.getItem(t.getAttribute('data-legacy'))!==null)return done();" +
  "var s=t.getAttribute('data-store'),q=indexedDB.open(" + JSON.stringify(SITE.storage.db) + "),n=0;" +
  // No database yet: none is made here (the app makes it), and no record is
  // in it. Any other failure to open it is left to the app.
  "q.onupgradeneeded=function(){n=1;q.transaction.abort()};q.onerror=function(){n?gone():done()};q.onblocked=done;" +
  "q.onsuccess=function(){var b=q.result,g;try{if(!b.objectStoreNames.contains(s)){b.close();return done()}g=b.transaction(s).objectStore(s).get(id)}catch(e){b.close();return done()}" +
  "g.onerror=function(){b.close();done()};g.onsuccess=function(){var v=g.result,x=v===undefined;b.close();if(!x)try{x=JSON.parse(v).deleted===true}catch(e){}x?gone():done()}}}" +
  "})()}catch(e){}";
