/**
 * Integrity checks: replies written to pass rather than to answer. They look at the shape of
 * the reply, not at its topic, so they hold for every exercise:
 *
 * - `copy`: the citizen's own message pasted back (a long run of its words);
 * - `gaming`: text about the grading itself ("kata kunci", "biar dapat skor");
 * - `keyword-list`: bare keywords with no sentence around them ("Malam. KK. Gratis. Datang.");
 * - `curt`: too short to carry the required content politely, with no word for the person;
 * - `language`: not written in Indonesian (or the exercise's regional language).
 *
 * `contradiction` (an element asserted and denied in one reply) needs the rubric and lives in grade.ts.
 */
import type { Token } from "./normalise";
import { tokenize, WordMemo } from "./normalise";
import type { AnalysedText } from "./match";

/** What the integrity checks need to know about the turn being answered. */
export type TurnProfile = {
  /** Word 4-grams of the citizen's message (normalised surfaces). */
  grams: ReadonlySet<string>;
  /** The citizen's words, for a cheap pre-check. */
  words: ReadonlySet<string>;
  messageWords: number;
  /** Number of required elements: the content a reply must carry. */
  required: number;
  /** Languages a reply may be written in besides Indonesian (e.g. "palembang"). */
  languages: ReadonlySet<string>;
  /** Words that address the citizen by name (persona name, lower case). */
  names: ReadonlySet<string>;
};

const GRAM = 4;
/** A run this long copied from the citizen is a paste, not an echo. */
const COPY_RUN = 10;

export function turnProfile(message: string, required: number, languages: readonly string[], personaName: string): TurnProfile {
  const words = tokenize(message).map((t) => t.surface);
  const grams = new Set<string>();
  for (let i = 0; i + GRAM <= words.length; i++) grams.add(words.slice(i, i + GRAM).join(" "));
  const names = new Set(
    personaName
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 3 && !ADDRESS.has(w)),
  );
  return { grams, words: new Set(words), messageWords: words.length, required, languages: new Set(languages), names };
}

type Spans = Array<[number, number]>;

/** Runs of the citizen's words; a paste is one long run or most of a short message. */
export function detectCopy(a: AnalysedText, p: TurnProfile): Spans | null {
  const t = a.tokens;
  if (p.grams.size === 0 || t.length < GRAM) return null;
  const out: Spans = [];
  let copied = 0;
  let longest = 0;
  // Cheap pass first: a shared 4-gram needs four words in a row that the citizen used.
  let inRow = 0;
  let i = -1;
  while (++i < t.length) {
    inRow = p.words.has(t[i].surface) ? inRow + 1 : 0;
    if (inRow < GRAM) continue;
    const from = i - GRAM + 1;
    if (!p.grams.has(gramAt(t, from))) continue;
    // A copied run: extend while the next word keeps the last four in the citizen's message.
    let end = i + 1;
    while (end < t.length && p.words.has(t[end].surface) && p.grams.has(gramAt(t, end - GRAM + 1))) end++;
    const run = end - from;
    copied += run;
    longest = Math.max(longest, run);
    out.push([t[from].start, t[end - 1].end]);
    i = end - 1;
    inRow = 0;
  }
  const share = copied / Math.max(1, p.messageWords);
  return longest >= COPY_RUN || (copied >= 5 && share >= 0.5) ? out : null;
}

function gramAt(t: Token[], i: number): string {
  let s = t[i].surface;
  for (let k = 1; k < GRAM; k++) s += " " + t[i + k].surface;
  return s;
}

// Text about the grading rather than to the citizen.
export const GAMING = [
  "~kata kunci",
  "~keyword/keywords/rubrik/rubric/grader/checklist/skor/score",
  "~(sistem|mesin|robot|aplikasi) ...2 nilai/penilai/penilaian",
  "~biar/agar/supaya/untuk ...3 nilai/skor/poin/lulus ...2 penuh/100/sempurna/maksimal/tinggi/bagus",
  "~biar/agar/supaya ...2 (dapat|dapet|dapatkan) nilai/skor/poin",
  "~lulus ...2 latihan/ujian/penilaian/tes",
  "~nilai/poin ...1 penuh/sempurna/maksimal",
  "~elemen wajib",
  "~(untuk|kepada|buat) =penilai/=grader/=korektor", // not "pemeriksa": the auditors (BPK) are real readers of budgets
  "~semua/seluruh elemen/unsur/kriteria/poin ...3 =terpenuhi/=lengkap/=tercantum/=tertulis/=masuk",
  "~penilaian/penilai ...3 latihan/jawaban/balasan/ini",
  "~poin/kriteria/unsur/komponen/aspek penilaian/nilai",
  "~(jawaban|balasan) ini ...4 poin/kriteria/penilaian/rubrik/nilai/skor",
  "~poin/kriteria/unsur/komponen/aspek [yang] [akan|mau] =dinilai",
];

// Words that glue a sentence together. A reply of six or more words with none of them is a keyword list.
const FUNCTION_WORDS = new Set(
  (
    "di ke dari yang dan untuk dengan ini itu ya bisa sudah akan kami saya kita tidak bukan belum jangan perlu harus ada juga saja atau " +
    "karena agar supaya jika kalau pada dalam oleh sebagai cukup silakan mohon lalu nanti sedang masih bila apabila tetapi " +
    "namun maka serta dapat boleh mau sampai hingga sejak tanpa tentang kepada bagi bahwa kok dong deh sih"
  ).split(" "),
);

const isFunctionWord = new WordMemo((lx) => (FUNCTION_WORDS.has(lx.surface) ? 1 : 0));

/** Bare keywords: mostly one-word fragments with no real sentence, or a run of words with no glue. */
export function detectKeywordList(a: AnalysedText): Spans | null {
  const t = a.tokens;
  if (t.length === 0) return null;
  let segments = 0;
  let single = 0;
  let longest = 0;
  let glue = 0;
  let run = 0;
  for (let i = 0; i < t.length; i++) {
    if (isFunctionWord.of(t[i].lex) === 1) glue++;
    run++;
    if (i + 1 === t.length || t[i + 1].clause !== t[i].clause) {
      segments++;
      if (run === 1) single++;
      longest = Math.max(longest, run);
      run = 0;
    }
  }
  const fragments = segments >= 4 && single / segments >= 0.6 && longest < 5;
  // One long unpunctuated run without a single glue word: "halo kk gratis datang kecamatan mpp".
  const noGlue = segments === 1 && t.length >= 6 && glue === 0;
  return fragments || noGlue ? [[t[0].start, t[t.length - 1].end]] : null;
}

const ADDRESS = new Set([
  "kakak",
  "bapak",
  "ibu",
  "adik",
  "mbak",
  "mas",
  "saudara",
  "saudari",
  "anda",
  "sobat",
  "sahabat",
  "abang",
  "bang",
  "teman",
  "rekan",
  "dik",
  "tuan",
  "nyonya",
]);
const COURTESY = new Set([
  "terima",
  "kasih",
  "mohon",
  "maaf",
  "silakan",
  "selamat",
  "halo",
  "hai",
  "hello",
  "hi",
  "salam",
  "assalamualaikum",
  "permisi",
  "punten",
  "semoga",
  "tolong",
  "waalaikumsalam",
  "senang",
  "sama",
  "shalom",
  "horas",
]);
const PRAYING_HANDS = "\u{1F64F}";

/**
 * Too short for the content and the courtesy a reply owes: fewer words than the required
 * elements need (about two each, plus a greeting), and no word that addresses or thanks the person.
 */
export function detectCurt(a: AnalysedText, p: TurnProfile): Spans | null {
  const t = a.tokens;
  if (p.required === 0 || t.length === 0) return null;
  if (t.length >= Math.max(8, 2 * p.required + 2)) return null;
  for (const tok of t) if (ADDRESS.has(tok.surface) || COURTESY.has(tok.surface) || p.names.has(tok.surface)) return null;
  if (a.text.includes(PRAYING_HANDS)) return null;
  return [[t[0].start, t[t.length - 1].end]];
}

// Marker words of languages a reply may slip into. Indonesian words shared with them are left out.
const LANGUAGE_MARKERS: Record<string, string[]> = {
  english: (
    "the is are was were you your we our they it this that these those to of and for with will would can could should be been have has " +
    "please need needs bring come office family card free charge required requirement hello hi dear thank regards sincerely here there " +
    "what when where which who how not no yes do does did an at on by from as if or but so just only also into about"
  ).split(" "),
  jawa: (
    "nggih njih inggih sampeyan panjenengan mboten boten ora wonten niku kuwi iki kulo kula mawon wae teng saking dereng sampun nopo punapa " +
    "kados piye kepiye kowe karo sing opo arep ajeng badhe gawe tulung sugeng matur nuwun dalem mriki mrika rawuh dhateng sakniki saget " +
    "pripun menawi sedoyo kabeh ning neng rak"
  ).split(" "),
  sunda: (
    "abdi anjeun teu henteu naon kumaha atuh mah sareng tina bade tiasa kedah punten wilujeng enjing wengi hatur ieu eta pisan oge dieu " +
    "kapungkur sumping mangga teh urang moal acan tos parantos"
  ).split(" "),
  palembang: "nak apo dak wong kito cak biso galo kagek nian pacak bae dewek pecak cakmano cakmane dimano kemano ngapo siapo mano jugo ado dio kamo".split(" "),
};
const MARKER_LANGUAGE = new Map<string, string[]>();
for (const [lang, words] of Object.entries(LANGUAGE_MARKERS)) {
  for (const w of words) MARKER_LANGUAGE.set(w, [...(MARKER_LANGUAGE.get(w) ?? []), lang]);
}
const FOREIGN_SHARE = 0.3;
const isMarker = new WordMemo((lx) => (MARKER_LANGUAGE.has(lx.surface) ? 1 : 0));

/** The language a reply is mostly written in when it is not Indonesian and not allowed; null otherwise. */
export function foreignLanguage(a: AnalysedText, p: TurnProfile): { language: string; spans: Spans } | null {
  const t = a.tokens;
  if (t.length < 3) return null;
  const counts = new Map<string, number>();
  for (const tok of t) {
    if (isMarker.of(tok.lex) === 0) continue;
    const langs = MARKER_LANGUAGE.get(tok.surface);
    if (langs) for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  let best = "";
  let n = 0;
  for (const [l, c] of counts) if (c > n || (c === n && l < best)) [best, n] = [l, c];
  if (n < 3 || n / t.length < FOREIGN_SHARE || p.languages.has(best)) return null;
  return { language: best, spans: [[t[0].start, t[t.length - 1].end]] };
}
