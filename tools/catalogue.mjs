// Generates the example catalogue of activities (public/catalogue.json) and,
// for the benchmark, synthetic catalogues of any size. The kinds of activity
// and the places come from the seeds (Åbne Mødesteder in Guldborgsund, Røde
// Kors' demenscaféer in Assens, Grønningens Dansevenner in Brønderslev, …);
// schedules, addresses and contacts are invented, and every entry carries
// "example": true so the app marks it as example data.
//
//   node tools/catalogue.mjs                 → public/catalogue.json
//   node tools/catalogue.mjs 50000 out.json  → a synthetic catalogue
//
// The file is an export file of format version 1 with only activities, so it
// goes through the same checks as any imported file.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(r) {
  const h = [];
  for (let i = 0; i < 32; i++) h.push(Math.floor(r() * 16).toString(16));
  h[12] = '4';
  h[16] = ['8', '9', 'a', 'b'][Math.floor(r() * 4)];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

// Places: municipality → towns.
export const PLACES = {
  Guldborgsund: ['Nykøbing F', 'Sakskøbing', 'Nysted', 'Stubbekøbing', 'Marielyst', 'Nørre Alslev', 'Væggerløse', 'Eskilstrup'],
  Assens: ['Assens', 'Glamsbjerg', 'Vissenbjerg', 'Aarup', 'Haarby', 'Tommerup'],
  Brønderslev: ['Brønderslev', 'Dronninglund', 'Hjallerup', 'Asaa'],
  Rudersdal: ['Holte', 'Birkerød', 'Vedbæk', 'Nærum'],
  Middelfart: ['Middelfart', 'Nørre Aaby', 'Ejby', 'Strib'],
  Hedensted: ['Hedensted', 'Juelsminde', 'Tørring', 'Løsning'],
  Svendborg: ['Svendborg', 'Tåsinge', 'Gudme', 'Stenstrup'],
  Aabenraa: ['Aabenraa', 'Rødekro', 'Padborg', 'Tinglev'],
  Roskilde: ['Roskilde', 'Viby Sj.', 'Jyllinge', 'Gundsømagle'],
  Kolding: ['Kolding', 'Christiansfeld', 'Vamdrup', 'Lunderskov'],
  København: ['Amager', 'Nørrebro', 'Valby', 'Vesterbro'],
  Gentofte: ['Hellerup', 'Charlottenlund', 'Gentofte', 'Ordrup'],
  Rebild: ['Støvring', 'Skørping', 'Nørager'],
  Halsnæs: ['Hundested', 'Frederiksværk', 'Ølsted'],
};

const STREETS = ['Bytorvet', 'Skolegade', 'Kirkevej', 'Stationsvej', 'Møllevej', 'Havnegade', 'Algade', 'Søndergade', 'Nørregade', 'Parkvej', 'Engvej', 'Bøgevej'];
const HOUSES = ['Medborgerhuset', 'Aktivitetscentret', 'Biblioteket', 'Kulturhuset', 'Sognegården', 'Plejecentret', 'Forsamlingshuset', 'Frivillighuset'];

// Kinds of activity: title pattern, organiser, category, description, audience, flags.
export const KINDS = [
  { t: 'Åbent Mødested {town}', o: 'Guldborgsund Kommune og lokale frivillige', c: 'cafe', only: ['Guldborgsund'],
    d: 'Et åbent mødested for seniorer med kaffe, spil, gåture og fællesspisning. Aktiviteterne bygger på de lokale ønsker, og der er altid nogen at tale med.',
    a: ['alle', 'nye i området'], drop: true, free: true },
  { t: 'Demenscafé i {town}', o: 'Røde Kors {town}', c: 'demens', only: ['Assens'],
    d: 'Et trygt og nærværende mødested, hvor mennesker med demens og deres pårørende kan dele erfaringer, finde støtte og danne nye relationer.',
    a: ['mennesker med demens', 'pårørende'], price: 20 },
  { t: 'Grønningens Dansevenner', o: 'Grønningens Dansevenner', c: 'musik', only: ['Brønderslev'],
    d: 'Dans for beboere, naboer og pårørende i fælleshuset. Vi danser til levende musik og drikker kaffe bagefter. Ingen forudsætninger.',
    a: ['alle', 'pårørende'], drop: true, free: true },
  { t: 'Bogvenner', o: 'Biblioteket og frivillige bogvenner', c: 'besoegsven', only: ['Rudersdal'], agreement: true,
    d: 'Frivillige bogvenner henter og leverer bøger, film og lydbøger til ældre, der ikke selv kan komme på biblioteket, og får en snak om det, de læser.',
    a: ['ældre i eget hjem'], free: true },
  { t: 'SeniorNET {town}', o: 'SeniorNET {town}', c: 'it', only: ['Middelfart'],
    d: 'Frivilligt drevet fællesskab om computere, tablets og mobiltelefoner. Få hjælp til MitID, e-Boks og sundhed.dk – og lær af hinanden.',
    a: ['alle'], price: 50 },
  { t: 'IT-café i {town}', o: 'Ældre Sagen {town}', c: 'it', only: ['Hedensted'],
    d: 'Drop-in IT-café: frivillige hjælper med telefon, tablet og computer. Hjælp til MitID gives sammen med Borgerservice, som tager sig af myndighedsdelen.',
    a: ['alle'], drop: true, free: true },
  { t: 'Senioridræt på {house}', o: 'Svendborg Senioridræt', c: 'motion', only: ['Svendborg'],
    d: 'Motion for seniorer og beboere på plejecentret: boccia, stolegymnastik og gåbold. Frivillige trænere sørger for, at alle kan være med.',
    a: ['alle', 'beboere på plejecentre'], free: true, wheel: true },
  { t: 'Pårørendegruppe', o: 'Alzheimerforeningen Aabenraa', c: 'paaroerende', only: ['Aabenraa'], monthly: true,
    d: 'Støttegruppe for pårørende til mennesker med demens. Vi mødes i en lille fast gruppe og deler erfaringer i fortrolighed.',
    a: ['pårørende'], free: true },
  { t: 'Cirkler i {town}', o: 'Roskilde Kommune og frivillige', c: 'andet', only: ['Roskilde'],
    d: 'Små fællesskaber, der gør en forskel: en cirkel mødes om noget, deltagerne selv vælger – madlavning, gåture, håndarbejde eller en god snak.',
    a: ['alle', 'nye i området'], free: true },
  { t: 'Mandefællesskab i {town}', o: 'Assens Kommune og frivillige', c: 'maend', only: ['Assens'],
    d: 'Mænd mødes om værkstedet, kaffen og turen ud i det blå. Et fællesskab, hvor man kan komme, som man er.',
    a: ['mænd'], drop: true, free: true },
  { t: 'Stolemotion i {town}', o: 'Frivillige trænere i Assens', c: 'motion', only: ['Assens'],
    d: 'Omkring 15 deltagere laver stolemotion til musik. Øvelserne kan tages siddende, og der er kaffe bagefter.',
    a: ['alle'], free: true, wheel: true },
  { t: 'Fællesspisning på {house}', o: 'Frivilligcentret', c: 'faellesspisning',
    d: 'Vi laver mad sammen og spiser ved lange borde. Tilmelding dagen før, så vi ved, hvor mange vi bliver.',
    a: ['alle', 'nye i området'], price: 45 },
  { t: 'Spisevenner', o: 'Ældre Sagen', c: 'besoegsven', agreement: true,
    d: 'En frivillig spiseven kommer og spiser med dig i dit eget hjem. Et måltid smager bedre i godt selskab.',
    a: ['ældre i eget hjem'], free: true },
  { t: 'Gåtur fra {house}', o: 'Ældre Sagen', c: 'natur',
    d: 'Rolig gåtur på 3–5 km i naturen omkring byen. Vi går i samlet flok og slutter med kaffe.',
    a: ['alle'], drop: true, free: true },
  { t: 'Syng med i {town}', o: 'Sognegårdens sangkor', c: 'musik',
    d: 'Fællessang fra Højskolesangbogen med pianist. Kaffe og kage i pausen.',
    a: ['alle'], drop: true, price: 30 },
  { t: 'Besøgsven', o: 'Røde Kors', c: 'besoegsven', agreement: true,
    d: 'Få besøg af en frivillig besøgsven, der kommer til kaffe, en gåtur eller en tur i byen, når det passer jer begge.',
    a: ['alle'], free: true, companion: true },
  { t: 'Ensomhedsambassadører', o: 'Københavns Kommune og frivillige', c: 'andet', only: ['København'], agreement: true,
    d: 'Ensomhedsambassadører hjælper ældre med at finde aktiviteter og fællesskaber og følger med første gang.',
    a: ['alle'], free: true, companion: true },
  { t: 'Ældre Netværket: formiddagscafé', o: 'Ældre Netværket Gentofte', c: 'cafe', only: ['Gentofte'],
    d: 'Formiddagscafé med avis, kaffe og samtale, drevet af frivillige fra Frivilligcenter Gentofte, Ældre Sagen og kirken.',
    a: ['alle'], drop: true, free: true },
  { t: 'FlereMed? – fællesskab for nye', o: 'Frivilligcenter Rebild', c: 'cafe', only: ['Rebild'],
    d: 'En frivillig følger dig med første gang, du vil prøve et nyt fællesskab, så ingen skal gå alene ind ad døren.',
    a: ['nye i området'], free: true, companion: true },
  { t: 'Plejecentrets åbne café', o: 'Hundested Plejecenter og lokale foreninger', c: 'cafe', only: ['Halsnæs'],
    d: 'Plejecentret åbner dørene for lokalsamfundet: café, musik og foredrag for beboere, naboer og pårørende.',
    a: ['alle', 'pårørende'], drop: true, free: true, wheel: true },
  { t: 'Foredrag: Godt ældreliv', o: 'Ældre Sagen', c: 'kultur', dates: true,
    d: 'Foredragsrække om sundhed, fællesskab og frivillighed. Kaffe inkluderet.',
    a: ['alle'], price: 60 },
  { t: 'Chaufførkorps', o: 'Ældre Sagen', c: 'andet', agreement: true,
    d: 'Frivillige chauffører kører ældre til aktiviteter og fællesskaber, når der ikke er anden transport.',
    a: ['alle'], free: true, transport: true },
];

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const pad = (n) => String(n).padStart(2, '0');
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

function schedule(r, k) {
  if (k.agreement) return { kind: 'by_agreement' };
  const h = pick(r, [9, 10, 10, 13, 14, 14, 17, 19]);
  const len = pick(r, [1, 2, 2, 3]);
  const start = `${pad(h)}:${pick(r, ['00', '00', '30'])}`;
  const end = `${pad(Math.min(h + len, 23))}:${start.slice(3)}`;
  if (k.dates) {
    const dates = [];
    let d = new Date(Date.UTC(2026, 0, 7 + Math.floor(r() * 20)));
    for (let i = 0; i < 10; i++) {
      dates.push(d.toISOString().slice(0, 10));
      d = new Date(d.getTime() + (14 + Math.floor(r() * 21)) * 86400000);
    }
    return { kind: 'dates', dates, start, end };
  }
  if (k.monthly || r() < 0.12) {
    return { kind: 'monthly', nth: pick(r, [1, 2, 3, -1, -1]), day: pick(r, DAYS.slice(0, 5)), start, end, ...(r() < 0.5 ? { pause_months: [7] } : {}) };
  }
  const n = r() < 0.7 ? 1 : 2;
  const days = [...new Set(Array.from({ length: n }, () => pick(r, DAYS.slice(0, 6))))].sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b));
  return { kind: 'weekly', days, start, end, ...(r() < 0.35 ? { pause_months: [7] } : {}) };
}

function activity(r, k, municipality, town) {
  const house = pick(r, HOUSES);
  const fill = (s) => s.replaceAll('{town}', town).replaceAll('{house}', house);
  const slug = town.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z]+/g, '');
  const phone = `${pick(r, [20, 22, 30, 40, 51, 60])} ${pad(Math.floor(r() * 100))} ${pad(Math.floor(r() * 100))} ${pad(Math.floor(r() * 100))}`;
  return {
    id: uuid(r),
    rev: { at: '2026-01-05T08:00:00.000Z', n: 0, by: 'katalog' },
    deleted: false,
    title: fill(k.t),
    organizer: fill(k.o),
    category: k.c,
    description: k.d,
    municipality,
    town,
    address: `${house}, ${pick(r, STREETS)} ${1 + Math.floor(r() * 40)}`,
    schedule: schedule(r, k),
    price_dkk: k.free ? null : (k.price ?? null),
    audience: k.a,
    access: { wheelchair: k.wheel || r() < 0.5, transport: k.transport || r() < 0.2, companion: k.companion || r() < 0.15 },
    drop_in: !!k.drop,
    contact: {
      name: pick(r, ['Anne', 'Bent', 'Birgit', 'Hanne', 'Jens', 'Kirsten', 'Lone', 'Ole', 'Per', 'Susanne']) + ' (eksempel)',
      phone,
      email: `kontakt@${slug || 'by'}.example.dk`,
      web: '',
    },
    source: 'Opdigtet eksempel bygget på cases i Tid og Lysts kildedokumenter',
    updated: '2026-01-05',
    example: true,
  };
}

function wrap(activities) {
  return { format: 'tid-og-lyst', version: 1, exported_at: '2026-01-05T08:00:00.000Z', origin: 'katalog', dreams: [], activities, assessments: [] };
}

/// The curated example catalogue: each kind in its own municipality's towns,
/// the general kinds spread over all municipalities.
export function exampleCatalogue() {
  const r = rng(2026);
  const out = [];
  for (const k of KINDS) {
    const munis = k.only ?? Object.keys(PLACES);
    for (const m of munis) {
      const towns = k.only ? PLACES[m] : [pick(r, PLACES[m])];
      const limit = k.only ? (m === 'Guldborgsund' ? 8 : 4) : 1;
      for (const town of towns.slice(0, limit)) {
        if (!k.only && r() < 0.5) continue;
        out.push(activity(r, k, m, town));
      }
    }
  }
  return wrap(out);
}

/// A synthetic catalogue of `n` activities for the benchmark.
export function syntheticCatalogue(n, seed = 7) {
  const r = rng(seed);
  const munis = Object.keys(PLACES);
  const out = [];
  for (let i = 0; i < n; i++) {
    const m = pick(r, munis);
    const k = pick(r, KINDS);
    const a = activity(r, k, m, pick(r, PLACES[m]));
    a.title = `${a.title} ${i + 1}`;
    out.push(a);
  }
  return wrap(out);
}

/** The activities of a catalogue as a Danish-Excel CSV (the importer's columns). */
export function catalogueCsv(cat) {
  // A plain Danish-Excel CSV of the same activities (weekly ones only need
  // these columns; the others fall back to the defaults the importer knows).
  const kinds = { weekly: 'ugentlig', monthly: 'månedlig', dates: 'datoer', by_agreement: 'efter aftale' };
  const days = { Mon: 'mandag', Tue: 'tirsdag', Wed: 'onsdag', Thu: 'torsdag', Fri: 'fredag', Sat: 'lørdag', Sun: 'søndag' };
  const q = (v) => (/[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const rows = ['Id;Titel;Arrangør;Kategori;Beskrivelse;Kommune;By;Adresse;Tidsplan;Ugedage;Uge i måneden;Datoer;Fra kl.;Til kl.'];
  for (const a of cat.activities) {
    const s = a.schedule;
    const d = s.days ? s.days.map((x) => days[x]).join(', ') : s.day ? days[s.day] : '';
    const dates = s.dates ? s.dates.map((x) => x.split('-').reverse().join('-')).join(', ') : '';
    rows.push([a.id, a.title, a.organizer, a.category, a.description, a.municipality, a.town, a.address, kinds[s.kind], d,
      s.nth === -1 ? 'sidste' : (s.nth ?? ''), dates, (s.start || '').replace(':', '.'), (s.end || '').replace(':', '.')].map((v) => q(String(v))).join(';'));
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n, file] = process.argv.slice(2);
  if (n) {
    writeFileSync(file, JSON.stringify(syntheticCatalogue(Number(n))));
  } else {
    const cat = exampleCatalogue();
    const target = new URL('../public/catalogue.json', import.meta.url);
    writeFileSync(target, JSON.stringify(cat, null, 1) + '\n');
    const munis = new Set(cat.activities.map((a) => a.municipality));
    console.log(`catalogue: ${cat.activities.length} activities in ${munis.size} municipalities`);
  }
}
