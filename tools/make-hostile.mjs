// Writes the hostile-input corpus in tests/hostile/: files a careless or
// malicious person could hand the import. Each name says what it tries; the
// expectations live in e2e/tests/hostile.test.mjs and tests/hostile_corpus.rs.
// The 70 MB file is made at test time (see hostileBig()) instead of committed.
// Usage: node tools/make-hostile.mjs
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'tests/hostile');
mkdirSync(out, { recursive: true });
const fixture = JSON.parse(readFileSync(resolve(root, 'tests/fixtures/v1-minimal.json'), 'utf8'));

// Script-injection vectors in the spirit of OWASP's XSS filter evasion cheat
// sheet: tags, event handlers, broken markup, encodings, protocol tricks.
// Each carries id="pwned" or a __pwned marker so a test can see if it ran or
// became markup.
export const XSS = [
  '<script>window.__pwned=1</script>',
  '<SCRIPT SRC=http://xss.invalid/xss.js></SCRIPT>',
  '<IMG SRC="javascript:window.__pwned=1">',
  '<IMG SRC=javascript:window.__pwned=1>',
  '<IMG SRC=JaVaScRiPt:window.__pwned=1>',
  '<IMG SRC=`javascript:window.__pwned=1`>',
  '<a onmouseover="window.__pwned=1" id="pwned">xxs link</a>',
  '<IMG """><SCRIPT>window.__pwned=1</SCRIPT>"\\>',
  '<IMG SRC=# onmouseover="window.__pwned=1">',
  '<IMG SRC= onmouseover="window.__pwned=1">',
  '<IMG onmouseover="window.__pwned=1">',
  '<IMG SRC=/ onerror="window.__pwned=1"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058window.__pwned=1">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__pwned=1>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;window.__pwned=1>',
  '<IMG SRC="jav\tascript:window.__pwned=1;">',
  '<IMG SRC="jav&#x09;ascript:window.__pwned=1;">',
  '<IMG SRC="jav&#x0A;ascript:window.__pwned=1;">',
  '<IMG SRC=" &#14;  javascript:window.__pwned=1;">',
  '<SCRIPT/XSS SRC="http://xss.invalid/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=window.__pwned=1>',
  '<<SCRIPT>window.__pwned=1;//<</SCRIPT>',
  '<SCRIPT SRC=http://xss.invalid/xss.js?< B >',
  '<IMG SRC="`<javascript:window.__pwned=1>`"',
  '</TITLE><SCRIPT>window.__pwned=1;</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:window.__pwned=1;">',
  '<BODY BACKGROUND="javascript:window.__pwned=1">',
  '<svg/onload=window.__pwned=1>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<IFRAME SRC="javascript:window.__pwned=1;"></IFRAME>',
  '<IFRAME SRC=# onmouseover="window.__pwned=1"></IFRAME>',
  '<FRAMESET><FRAME SRC="javascript:window.__pwned=1;"></FRAMESET>',
  '<TABLE BACKGROUND="javascript:window.__pwned=1">',
  '<DIV STYLE="background-image: url(javascript:window.__pwned=1)">',
  '<DIV STYLE="width: expression(window.__pwned=1);">',
  '<STYLE>@import\'http://xss.invalid/xss.css\';</STYLE>',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:window.__pwned=1;">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+">',
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.invalid/scriptlet.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTEiLz4=" type="image/svg+xml"></EMBED>',
  '<a href="javascript:window.__pwned=1" id="pwned">klik</a>',
  '<b id="pwned">fed skrift</b>',
  '"><script>window.__pwned=1</script>',
  '\'><script>window.__pwned=1</script>',
  '</textarea><script>window.__pwned=1</script>',
  '<details open ontoggle="window.__pwned=1">',
  '<video><source onerror="window.__pwned=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  '<base href="javascript:/a/-alert(1)///////">',
  '¼script¾window.__pwned=1¼/script¾',
  '%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '{{constructor.constructor(\'window.__pwned=1\')()}}',
  '${window.__pwned=1}',
  '\u202Egnp.exe',
  'Z̴̡̢̛a̵l̷g̸o̶ ̴t̵e̶x̶t̵',
];

const files = {};
const put = (name, content) => { files[name] = content; };
const withRecords = (kind, recs) => JSON.stringify({ ...fixture, [kind]: recs }, null, 1);
const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const rev = (by = 'hostile') => ({ at: '2026-11-22T12:00:00.000Z', n: 0, by });

// Broken structure
put('truncated.json', JSON.stringify(fixture).slice(0, 300));
put('empty.json', '');
put('whitespace-only.json', '   \n\t  ');
put('not-json.json', 'Dette er en indkøbsliste: mælk, brød, kaffe.');
put('array-top.json', '[{"format":"tid-og-lyst","version":1}]');
put('null-top.json', 'null');
put('trailing-garbage.json', JSON.stringify(fixture) + '\n}{"mere": true}');
put('comments.json', '// kommentar\n' + JSON.stringify(fixture));
put('nan-literal.json', JSON.stringify(fixture).replace('"version":1', '"version":NaN'));
put('deep-nesting-10000.json', '{"format":"tid-og-lyst","version":1,"dreams":[' + '['.repeat(10000) + ']'.repeat(10000) + ']}');
put('deep-object-nesting.json', '{"format":"tid-og-lyst","version":1,"x":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}');
// Format and version
put('format-missing.json', JSON.stringify({ version: 1, dreams: [] }));
put('format-other-app.json', JSON.stringify({ format: 'excel-export', version: 1 }));
put('version-future-99.json', JSON.stringify({ ...fixture, version: 99 }));
put('version-zero.json', JSON.stringify({ ...fixture, version: 0 }));
put('version-negative.json', JSON.stringify({ ...fixture, version: -1 }));
put('version-string.json', JSON.stringify({ ...fixture, version: '1' }));
put('version-float.json', JSON.stringify({ ...fixture, version: 1.5 }));
put('version-huge.json', JSON.stringify(fixture).replace('"version":1', '"version":1e999'));
// Types
put('dreams-not-list.json', JSON.stringify({ ...fixture, dreams: { a: 1 } }));
put('record-not-object.json', withRecords('dreams', ['en drøm']));
put('title-number.json', withRecords('dreams', [{ ...fixture.dreams[0], title: 42 }]));
put('title-missing.json', withRecords('activities', [{ ...fixture.activities[0], title: undefined }]));
put('rev-bad-date.json', withRecords('dreams', [{ ...fixture.dreams[0], rev: { at: 'i går', n: 0, by: 'x' } }]));
put('rev-negative-counter.json', withRecords('dreams', [{ ...fixture.dreams[0], rev: { ...fixture.dreams[0].rev, n: -5 } }]));
put('id-not-uuid.json', withRecords('dreams', [{ ...fixture.dreams[0], id: '1 OR 1=1' }]));
put('deleted-string.json', withRecords('assessments', [{ ...fixture.assessments[0], deleted: 'ja' }]));
put('duplicate-ids.json', withRecords('activities', [fixture.activities[0], { ...fixture.activities[0], title: 'Kopi' }]));
// Strings
put('megabyte-title.json', withRecords('dreams', [{ ...fixture.dreams[0], title: 'x'.repeat(1024 * 1024) }]));
put('megabyte-story.json', withRecords('dreams', [{ ...fixture.dreams[0], story: 'Fisketur '.repeat(120000) }]));
put('control-characters.json', withRecords('dreams', [{ ...fixture.dreams[0], title: 'Fisketur\u0000\u0007\u001b[31m' }]));
put('nul-in-key.json', '{"format":"tid-og-lyst","version":1,"\\u0000":1,"dreams":[]}');
put('proto-keys.json', '{"format":"tid-og-lyst","version":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"dreams":[' +
  JSON.stringify({ ...fixture.dreams[0] }).replace(/}$/, ',"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}') + ']}');
put('emoji-rtl-zalgo.json', withRecords('dreams', [{ ...fixture.dreams[0], title: '🎣 Fisketur \u202Eesolc\u202C Z̴̡a̵l̷g̸o̶', story: '👵🏼❤️ ' + 'مرحبا' }]));
// Script injection in every text field of every kind
put('xss-dreams.json', withRecords('dreams', XSS.map((p, i) => ({
  ...fixture.dreams[0], id: id(1000 + i), rev: rev(), title: p, story: p, dreamer: p.slice(0, 40), municipality: 'Hedensted', place: p,
}))));
put('xss-activities.json', withRecords('activities', XSS.map((p, i) => ({
  ...fixture.activities[0], id: id(2000 + i), rev: rev(), title: p, organizer: p, description: p, town: p, address: p,
}))));
put('xss-assessments.json', withRecords('assessments', XSS.map((p, i) => ({
  ...fixture.assessments[0], id: id(3000 + i), rev: rev(), title: p,
}))));
put('javascript-links.json', withRecords('activities', ['javascript:window.__pwned=1', 'JaVaScRiPt:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>', 'vbscript:msgbox(1)', ' javascript:window.__pwned=1'].map((l, i) => ({
  ...fixture.activities[0], id: id(4000 + i), rev: rev(), title: `Link ${i}`, contact: { name: 'Kontakt', phone: '', email: '', web: l },
}))));
// Encodings
put('bom-utf8-valid.json', '\uFEFF' + JSON.stringify(fixture));
const binary = {};
binary['invalid-utf8.json'] = Buffer.concat([Buffer.from('{"format":"tid-og-lyst","version":1,"dreams":[{"title":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}]}')]);
binary['utf16le.json'] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(fixture), 'utf16le')]);
binary['binary-garbage.json'] = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
binary['gzip-not-json.json'] = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0x00]);

// CSV in the Danish Excel dialect
const HEAD = 'Titel;Arrangør;Kategori;Beskrivelse;Kommune;By;Adresse';
put('csv-xss.csv', '\uFEFF' + HEAD + '\r\n' + XSS.map((p) => [p, p, 'andet', p, 'Assens', p, p].map((c) => `"${c.replaceAll('"', '""')}"`).join(';')).join('\r\n') + '\r\n');
put('csv-formula-injection.csv', '\uFEFF' + HEAD + '\r\n=HYPERLINK("http://xss.invalid";"klik");=1+1;andet;@SUM(1);Assens;-2+3;+cmd|\' /C calc\'!A0\r\n');
const HEAD8 = HEAD + ';Tidsplan';
put('csv-bad-rows.csv', '\uFEFF' + HEAD8 + '\r\nStolemotion;Ældre Sagen;motion og idræt;Let motion;Assens;Assens;Østergade 1;efter aftale\r\n;;;;;;;\r\nSang;Kor;sang og musik;Vi synger;Atlantis;By;Vej 1;efter aftale\r\nKaffe;Café;ingen-kategori;x;Assens;Assens;Vej 2;efter aftale\r\n');
put('csv-unbalanced-quotes.csv', '\uFEFF' + HEAD + '\r\n"Stolemotion;"Ældre "Sagen";motion\r\n');
put('csv-huge-field.csv', '\uFEFF' + HEAD + '\r\n' + 'x'.repeat(1024 * 1024) + ';A;andet;B;Assens;C;D\r\n');
put('csv-empty.csv', '');
put('csv-only-header.csv', '\uFEFF' + HEAD + '\r\n');
put('csv-no-known-header.csv', 'navn,alder\r\nInger,84\r\n');
put('csv-javascript-links.csv', '\uFEFF' + HEAD + ';Hjemmeside\r\nLinks;A;andet;B;Assens;C;D;javascript:window.__pwned=1\r\n');
put('csv-many-columns.csv', '\uFEFF' + HEAD + '\r\n' + Array.from({ length: 5000 }, (_, i) => `k${i}`).join(';') + '\r\n');
binary['csv-invalid-utf8.csv'] = Buffer.concat([Buffer.from(HEAD + '\r\nStolemotion;'), Buffer.from([0xe6, 0xf8, 0xe5]), Buffer.from(';andet;x;Assens;Assens;Vej 1\r\n')]);
binary['csv-latin1-excel.csv'] = Buffer.from(HEAD + '\r\nSang for ældre;Kor;sang og musik;Vi synger;Brønderslev;Brønderslev;Vej 1\r\n', 'latin1');

for (const [name, content] of Object.entries(files)) writeFileSync(resolve(out, name), content);
for (const [name, content] of Object.entries(binary)) writeFileSync(resolve(out, name), content);
console.log(`wrote ${Object.keys(files).length + Object.keys(binary).length} files to tests/hostile/`);
