/**
 * Indonesian text normalisation for grading.
 *
 * We never rewrite the learner's text: `tokenize` returns word tokens that carry
 * offsets into the ORIGINAL string, so evidence can be highlighted exactly where
 * the learner typed it, whatever NFKC, slang expansion or de-elongation did.
 */
import { stem } from "./stem";

export type Token = {
  /** Normalised word: NFKC, lower case, no diacritics, de-elongated, slang expanded. */
  surface: string;
  /** Filled by the analyser (stem.ts); equals `surface` for numbers. */
  stem: string;
  /** Offsets of the source word in the original text ([start, end)). */
  start: number;
  end: number;
  sentence: number;
  clause: number;
  isNumber: boolean;
  /** Set by negation.ts: inside the scope of tidak/bukan/belum/jangan/tanpa. */
  negated: boolean;
  /** Pattern stems this token matches by typo tolerance (match.ts). */
  aliases: string[] | null;
  /**
   * Where the word stands: QUESTION (the asking clause of a real question, not a topic "Biaya?"
   * or a tag "…, ya?") and/or QUOTED (inside quotation marks). A required element must be stated,
   * so it is not met by words that are only asked about or quoted.
   */
  mode: number;
  /** The interned word behind `surface`: what is known about it, computed once per distinct word. */
  lex: Lexeme;
};

/**
 * A distinct normalised word, interned: its stem, insult reading and typo aliases per exercise
 * are computed once and then read from the object, not looked up again per token and per check.
 */
export type Lexeme = {
  readonly surface: string;
  readonly isNumber: boolean;
  /** Filled by the analyser (match.ts). */
  stem: string | undefined;
  /** Filled by lexicon.ts: whether the surface is an insult. */
  insult: boolean | undefined;
  /** Typo aliases per FuzzyIndex id (match.ts). */
  near: Array<string[] | undefined>;
  /** match.ts: whether any typo index may hold a word near this one, as of index generation `fuzzyGen`. */
  fuzzy: boolean;
  fuzzyGen: number;
  /** match.ts: the key slots of this word's stem and surface form, as of slot generation `slotGen`. */
  stemSlot: KeySlot | null;
  surfaceSlot: KeySlot | null;
  slotGen: number;
  /** WordMemo answers, by WordMemo id. */
  memo: Array<number | undefined>;
};

/** match.ts: where one pattern word occurs in the text analysed last (valid while epoch is current). */
export type KeySlot = { readonly id: number; epoch: number; pos: number[] };

const LEXEME_LIMIT = 100_000;
const lexemes = new Map<string, Lexeme>();

/** The interned lexeme of a normalised surface form. */
export function lexeme(surface: string): Lexeme {
  let lx = lexemes.get(surface);
  if (lx === undefined) {
    lx = {
      surface,
      isNumber: isDigits(surface),
      stem: undefined,
      insult: undefined,
      near: [],
      fuzzy: false,
      fuzzyGen: -1,
      stemSlot: null,
      surfaceSlot: null,
      slotGen: -1,
      memo: [],
    };
    if (lexemes.size >= LEXEME_LIMIT) lexemes.clear();
    lexemes.set(surface, lx);
  }
  return lx;
}

let nextWordMemoId = 0;

/**
 * A question every check asks of every token ("is it a function word?", "does the citizen's
 * message use it?"), answered once per distinct word and kept on its lexeme: later tokens read a
 * number instead of hashing the word into a set again. `answer` must depend on the lexeme only.
 */
export class WordMemo {
  private readonly id = nextWordMemoId++;
  constructor(private readonly answer: (lx: Lexeme) => number) {}

  of(lx: Lexeme): number {
    let v = lx.memo[this.id];
    if (v === undefined) v = lx.memo[this.id] = this.answer(lx);
    return v;
  }
}

/** The stem a token of this lexeme has once analysed (match.ts analyse): numbers are their own stem. */
export function analysedStem(lx: Lexeme): string {
  return lx.isNumber ? lx.surface : (lx.stem ??= stem(lx.surface));
}

const lexemeMemo = new Map<string, Lexeme[]>();

/** normaliseWord, as interned lexemes: one lookup per raw word. */
function wordLexemes(raw: string): Lexeme[] {
  let out = lexemeMemo.get(raw);
  if (out === undefined) {
    out = normaliseWord(raw).map(lexeme);
    if (lexemeMemo.size >= 50_000) lexemeMemo.clear();
    lexemeMemo.set(raw, out);
  }
  return out;
}

export const QUESTION = 1;
export const QUOTED = 2;

export type TokenizeOptions = {
  /** Replies say "kk" for both kakak and Kartu Keluarga; patterns always mean KK. */
  resolveKk?: boolean;
};

// Slang and abbreviations → standard words. Grouped by target so the list stays readable.
const SLANG_GROUPS: Record<string, string[]> = {
  yang: ["yg", "yng", "yanh"],
  saya: ["sy", "sya", "aq", "gue", "gw", "gua", "ane"],
  tidak: ["dak", "ga", "gak", "gk", "nggak", "ngga", "ngak", "enggak", "engga", "nda", "ndak", "tdk", "tak", "kagak", "kaga", "tidaklah", "gag"],
  bukan: ["bkn", "bukanlah"],
  belum: ["blm", "blum", "belom", "blom"],
  jangan: ["jgn", "jngn", "jangn"],
  "tidak usah": ["gausah", "gaus", "gaush", "nggausah", "ndausah"],
  "tidak perlu": ["gaperlu", "gakperlu", "tdkperlu"],
  "tidak bisa": ["gabisa", "gbs", "gakbisa"],
  "tidak ada": ["gaada", "gada", "gakada"],
  "tidak apa apa": ["gpp", "gapapa", "gakpapa", "nggakpapa", "ngapapa"],
  datang: ["dtg", "dateng", "dtng"],
  mohon: ["mhn", "mohn"],
  "pesan pribadi": ["japri", "jalur pribadi"],
  admin: ["min", "mimin", "admn", "atmin"],
  untuk: ["utk", "untk"],
  bisa: ["bs", "bsa", "bisaa"],
  sudah: ["sdh", "udh", "udah", "dah", "sudh", "sdah", "uda"],
  karena: ["krn", "krna", "karna", "soalnya", "coz"],
  dengan: ["dgn", "dg", "dng"],
  saja: ["aja", "aj", "ajah", "doang", "sj"],
  "terima kasih": [
    "thx",
    "thanks",
    "thank",
    "thankyou",
    "tq",
    "ty",
    "tks",
    "tengkyu",
    "makasih",
    "makasi",
    "mksh",
    "mksih",
    "maksih",
    "trims",
    "trimakasih",
    "terimakasih",
    "trmksh",
    "trimksh",
    "terimakasi",
    "mkasih",
    "tenkyu",
    "suwun",
    "nuhun",
  ],
  kakak: ["kak", "ka", "kaka", "kakk"],
  bapak: ["pak", "bpk", "bp", "pk", "bapa"],
  ibu: ["bu", "bunda", "buk"],
  adik: ["dek", "adek", "dik"],
  mbak: ["mba", "mbk"],
  bagaimana: ["gimana", "gmn", "bgmn", "gmana", "bagaimna"],
  kenapa: ["knp", "napa", "ngapa"],
  tetapi: ["tp", "tapi", "tpi"],
  jadi: ["jd", "jdi"],
  lagi: ["lg", "lgi"],
  sama: ["sm", "ama"],
  banget: ["bgt", "bngt", "bangett"],
  kalau: ["kalo", "klo", "kl", "klu", "kalu"],
  pakai: ["pake", "pke"],
  dari: ["dr", "dri"],
  orang: ["org", "orng"],
  tanggal: ["tgl"],
  tahun: ["thn", "th", "taun"],
  bulan: ["bln"],
  hari: ["hr"],
  nomor: ["no", "nmr", "nomer", "nomr", "nmor"],
  langsung: ["lgsg", "lgsung", "langsng", "lsg", "lngsung"],
  kecamatan: ["kec", "kcmtn", "kecamtan"],
  kelurahan: ["kel", "kelurhan"],
  kabupaten: ["kab"],
  kantor: ["ktr", "kntor"],
  whatsapp: ["wa", "wasap", "watsap", "whatsap", "wassap", "whatapp", "watsapp", "wh4tsapp"],
  instagram: ["ig", "insta"],
  facebook: ["fb"],
  dm: ["pm"],
  hoaks: ["hoax", "hoak", "hoaxs", "hoks", "hox", "hoaxx", "hoaxnya", "hoaksnya"],
  benar: ["bener", "bnr", "bner"],
  memang: ["emang", "emg", "mmg"],
  hanya: ["cuma", "cuman", "cm", "cmn", "hny"],
  buat: ["bikin", "bkin"],
  uang: ["duit", "fulus"],
  gratis: ["free", "gratiss", "gretong", "gratisan", "grts", "grtis", "gratiz"],
  syarat: ["syrt", "srt2"],
  bawa: ["bwa", "bw"],
  ribu: ["rb", "ribuan", "k"],
  juta: ["jt", "jeti"],
  maaf: ["maf", "mf", "maap", "mav", "sorry", "sori", "sory", "afwan", "mohonmaaf"],
  tolong: ["tlg", "tlng"],
  silakan: ["silahkan", "slhkan", "silahkn", "silakn", "monggo", "mangga"],
  harus: ["hrs", "kudu"],
  masih: ["msh", "masi"],
  sekarang: ["skrg", "skrng", "skarang", "skr"],
  besok: ["bsk", "besuk"],
  kemarin: ["kmrn", "kemaren", "kmren"],
  sebelum: ["sblm"],
  setelah: ["stlh"],
  kepada: ["kpd"],
  tentang: ["ttg"],
  tersebut: ["tsb", "trsbt"],
  seperti: ["spt", "kyk", "kayak", "kaya"],
  selamat: ["met", "slmt", "selamet"],
  pagi: ["pgi"],
  siang: ["siank"],
  malam: ["mlm", "malem", "mlem"],
  assalamualaikum: ["aslm", "asalamualaikum", "assalamualaikom", "asslamualaikum", "assalamu", "askum", "ass"],
  waalaikumsalam: ["walaikumsalam", "wslm", "waalaikumussalam"],
  oke: ["ok", "okay", "okey", "oce", "okee", "okelah"],
  iya: ["iyaa", "iy", "yoi", "yup", "yap"],
  ya: ["yaa", "yah", "y"],
  fotokopi: ["fc", "fotocopy", "fotokopian", "copy", "kopian", "photocopy"],
  telepon: ["telpon", "telp", "tlp", "tlpn", "telfon", "nelpon"],
  hp: ["handphone", "hape", "ponsel"],
  informasi: ["info", "infonya", "inpo"],
  begitu: ["gitu", "gt", "bgitu", "gituan"],
  begini: ["gini"],
  mau: ["mo", "mw", "pengen", "pengin"],
  apa: ["ap"],
  ada: ["ad"],
  sendiri: ["sndiri", "sndri", "sendri"],
  tanya: ["nanya", "tny"],
  tunggu: ["nunggu", "tgu"],
  urus: ["ngurus", "ngurusin"],
  kirim: ["ngirim", "kirimin"],
  terus: ["trs", "trus", "mulu", "melulu"],
  cepat: ["cpt", "cepet"],
  dokumen: ["dok", "dokumn"],
  kependudukan: ["adminduk"],
  disdukcapil: ["dukcapil", "capil", "disduk"],
  marah: ["ngamuk"],
  haha: ["hahaha", "wkwk", "wkwkwk", "xixi", "awokawok", "kwkw", "hihi"],
};

// Abbreviations that mean the same in capitals: "KEC." is kecamatan, "WA" is WhatsApp, "FC KK" a photocopy.
const CAPS_ABBREVIATIONS = new Set(["wa", "ig", "fb", "pm", "kec", "kel", "kab", "no", "tgl", "thn", "bln", "telp", "tlp", "fc", "ok", "capil", "disduk"]);
// Acronyms are short; a longer word in capitals is emphasis ("MAKASIH") and read as usual.
const MAX_ACRONYM = 4;
// Negators in capitals are emphasis ("GAK bayar"), except BKN (Badan Kepegawaian Negara).
const CAPS_NEGATORS = new Set(["tidak", "bukan", "belum", "jangan"]);
const CAPS_NOT_NEGATORS = new Set(["bkn"]);

// Units of measure after a number are units, not chat slang: "30 cm" is thirty centimetres, while "cm 2 hari"
// is "cuma 2 hari". Number words (rb, jt, k, thn, hr) stay slang there: "100k" is "100 ribu".
const UNITS = new Set(["mm", "cm", "m", "km", "mg", "g", "gr", "kg", "ml", "l", "ha", "cc", "kb", "mb", "gb", "kwh"]);

const SLANG = new Map<string, string[]>();
for (const [target, variants] of Object.entries(SLANG_GROUPS)) {
  for (const v of variants) SLANG.set(v, target.split(" "));
}

// Words whose doubled letter is real: "maaaaf" must become "maaf", not "maf".
const KEEP_DOUBLE = new Set(["maaf", "saat", "taat", "manfaat", "allah", "maafkan"]);

const COMBINING = /\p{M}+/gu;
const APOSTROPHES = /['’`]/g;

const wordMemo = new Map<string, string[]>();

/** Normalises one word into zero or more standard words (slang may expand). Memoised. */
export function normaliseWord(raw: string): string[] {
  let out = wordMemo.get(raw);
  if (out === undefined) {
    out = normaliseUncached(raw);
    if (wordMemo.size >= 50_000) wordMemo.clear();
    wordMemo.set(raw, out);
  }
  return out;
}

/** NFKC, lower case, no diacritics, no apostrophes. */
function plainWord(raw: string): string {
  let w = raw.normalize("NFKC").toLowerCase();
  if (/[^\x00-\x7f]/.test(w)) w = w.normalize("NFD").replace(COMBINING, "");
  return w.replace(APOSTROPHES, "");
}

function normaliseUncached(raw: string): string[] {
  let w = plainWord(raw);
  if (w === "") return [];
  if (/^\d+$/.test(w)) return [w];
  const direct = SLANG.get(w);
  if (direct) return direct;
  w = deElongate(w);
  const laughter = /^(?:wk)+w?$|^(?:ha){2,}h?$|^(?:xi){2,}$|^(?:hi){2,}h?$/.test(w);
  if (laughter) return ["haha"];
  return SLANG.get(w) ?? [w];
}

// A letter typed three or more times. At the start of a word it is an acronym ("PPPK"), not elongation.
const RUN = /(.)\1{2,}/g;

function collapseRuns(w: string, keep: number): string {
  return w.replace(RUN, (run: string, ch: string, at: number) => (at === 0 ? run : ch.repeat(keep)));
}

const acronymMemo = new Map<string, string[]>();

/**
 * A short word in capitals inside normally written text is an acronym (PPPK, BPK, TP PKK, HR),
 * not chat slang: it is lower-cased but not expanded ("TP" is not "tapi", "PK" not "pak").
 */
function normaliseAcronym(raw: string): string[] {
  let out = acronymMemo.get(raw);
  if (out === undefined) {
    const lower = plainWord(raw);
    const expanded = normaliseWord(raw);
    const keepsMeaning = CAPS_ABBREVIATIONS.has(lower) || (CAPS_NEGATORS.has(expanded[0] ?? "") && !CAPS_NOT_NEGATORS.has(lower));
    out = keepsMeaning ? expanded : [lower];
    if (acronymMemo.size >= 10_000) acronymMemo.clear();
    acronymMemo.set(raw, out);
  }
  return out;
}

/** Two or more letters and no lower-case one: "PPPK", "TP". A character loop: this runs for every word. */
function isCapsWord(raw: string): boolean {
  if (raw.length < 2) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) continue;
    if (c < 128) return false; // lower case, digit or apostrophe
    return raw.toUpperCase() === raw && raw.toLowerCase() !== raw; // other scripts
  }
  return true;
}

const HAS_LOWER = /\p{Ll}/u;

/**
 * Capitals carry no meaning in shouted text: three or more words in capitals in a row, one of
 * them longer than an acronym ("GA BISA DATANG", not "KTP KK NIK"), or a reply of several
 * words without a lower-case letter. There slang is read as slang.
 */
function isShouted(words: RawWord[], i: number, noLower: boolean): boolean {
  if (words.length >= 2 && noLower) return true;
  let from = i;
  let to = i;
  while (from > 0 && words[from - 1].caps) from--;
  while (to + 1 < words.length && words[to + 1].caps) to++;
  if (to - from < 2) return false;
  for (let j = from; j <= to; j++) if (words[j].text.length > MAX_ACRONYM) return true;
  return false;
}

/** "gratisss" → "gratis", "tolonggg" → "tolong", "maaaf" → "maaf"; "pppk" stays. */
export function deElongate(w: string): string {
  if (!/(.)\1/.test(w)) return w;
  const single = collapseRuns(w, 1);
  if (single !== w) {
    const double = collapseRuns(w, 2);
    if (KEEP_DOUBLE.has(double)) return double;
  }
  // A doubled final letter is elongation ("gratiss", "kakk") except in short words like "kk".
  if (single.length >= 4 && /(.)\1$/.test(single) && !KEEP_DOUBLE.has(single)) return single.slice(0, -1);
  return single;
}

// Word runs: letters, marks, digits, with internal apostrophes (o'on, assalamu'alaikum), i.e. the
// matches of /[\p{L}\p{M}\p{N}]+(?:['’`][\p{L}\p{M}\p{N}]+)*/gu, found by nextWord's character loop.
// Letter↔digit boundaries inside a run: "100rb", "17thn", "rp50".
const ALNUM_SPLIT_RE = /\p{N}+|[^\p{N}]+/gu;
const HAS_DIGIT = /\p{N}/u;

/** Only ASCII digits: "08", "100". A character loop: this runs for every token. */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Any digit, of any script ("١٢"); the ASCII loop spares the Unicode regex for most words. */
function hasDigit(s: string): boolean {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c > 127) ascii = false;
  }
  return !ascii && HAS_DIGIT.test(s);
}
const CLITICS = new Set(["nya", "lah", "kah", "pun", "ku", "mu", "in"]);
const ABBREVIATIONS = new Set([
  "jl",
  "jln",
  "no",
  "kec",
  "kel",
  "kab",
  "dll",
  "dsb",
  "dr",
  "tgl",
  "gg",
  "rt",
  "rw",
  "bpk",
  "sdr",
  "an",
  "prov",
  "hr",
  "ds",
  "kp",
  "ir",
  "h",
  "hj",
  "st",
  "drs",
]);
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** A word run of the text; `caps` = isCapsWord(text); `entry` = its RawEntry when the run is read whole (no digits). */
type RawWord = { text: string; start: number; end: number; caps: boolean; entry: RawEntry | null };

/**
 * Splits text into normalised word tokens with sentence and clause indices.
 * Sentence breaks: . ! ? … newline (not "08.00", not after "Jl.", not inside lapor.go.id or an e-mail
 * address). Clause breaks: , ; : ( ) / dashes, emoji (not "2,5").
 */
export function tokenize(text: string, opts: TokenizeOptions = {}): Token[] {
  const words = rawWords(text);
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let sentenceStart = 0;
  let prevEnd = 0;
  let prevRaw = "";
  // Whether the text has no lower-case letter at all (isShouted): read once, on the first short word in capitals.
  let noLower: boolean | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // Most gaps are one space: no break, and no string to cut.
    const oneSpace = w.start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32;
    const gap = oneSpace ? " " : text.slice(prevEnd, w.start);
    if (tokens.length > 0 && gap.length > 0 && !oneSpace) {
      let brk = gapBreak(gap, prevRaw, w.text);
      // Dots, slashes and colons inside a web or e-mail address end nothing: lapor.go.id, https://…
      if (brk !== 0 && isLinkGap(gap) && insideLink(text, prevEnd, w.start)) brk = 0;
      // "Biaya? Gratis." / "Bayar? Nggak kok": a one- or two-word question is a topic, not a sentence.
      if (brk === 3) {
        if (tokens.length - sentenceStart <= 2) brk = 1;
        else {
          markQuestion(tokens, sentenceStart);
          brk = 2;
        }
      }
      if (brk === 2) {
        sentence++;
        clause++;
        sentenceStart = tokens.length;
      } else if (brk === 1) clause++;
    }
    const lexes = isUnitAfterNumber(w.text, prevRaw, gap)
      ? [lexeme(plainWord(w.text))]
      : w.caps && w.text.length <= MAX_ACRONYM && !isShouted(words, i, (noLower ??= !HAS_LOWER.test(text)))
        ? w.entry !== null
          ? (w.entry.acronym ??= normaliseAcronym(w.text).map(lexeme))
          : normaliseAcronym(w.text).map(lexeme)
        : w.entry !== null
          ? (w.entry.lexes ??= wordLexemes(w.text))
          : wordLexemes(w.text);
    for (const lex of lexes) {
      const surface = lex.surface;
      tokens.push({
        surface,
        stem: surface,
        start: w.start,
        end: w.end,
        sentence,
        clause,
        isNumber: lex.isNumber,
        negated: false,
        aliases: null,
        mode: 0,
        lex,
      });
    }
    prevEnd = w.end;
    prevRaw = w.text;
  }
  if (tokens.length > 0 && tokens.length - sentenceStart > 2 && text.slice(prevEnd).includes("?")) markQuestion(tokens, sentenceStart);
  if (text.includes('"') || text.includes("\u201c") || text.includes("'") || text.includes("\u2018")) markQuoted(tokens, text);
  if (opts.resolveKk !== false) resolveKk(tokens, text);
  return tokens;
}

// A question that asks the reader to act is a request ("Boleh DM nomornya, Pak?"), not an inquiry.
const REQUEST_OPENERS = new Set([
  "boleh",
  "bolehkah",
  "bisa",
  "bisakah",
  "bersedia",
  "berkenan",
  "mohon",
  "silakan",
  "tolong",
  "maukah",
  "mau",
  "dapatkah",
  "coba",
]);
// "…, ya?" "…, kan?" ask for agreement with what was just stated.
const TAGS = new Set(["ya", "kan", "oke", "ok", "iya", "nggih", "deh", "dong", "yuk", "ayo", "bukan"]);
const VOCATIVES = new Set(["kakak", "bapak", "ibu", "adik", "mbak", "mas", "admin", "saudara", "anda", "semua", "sekalian", "ya", "haha"]);

/** Marks the asking clause of a question sentence (its last clause): unless it is a request or a tag question. */
function markQuestion(tokens: Token[], sentenceStart: number): void {
  const last = tokens.length - 1;
  const clause = tokens[last].clause;
  let from = last;
  while (from > sentenceStart && tokens[from - 1].clause === clause) from--;
  // "Halo kak, ada yang bisa kami bantu?": an offer of help is not a doubt about the content.
  let end = last;
  while (end > from && VOCATIVES.has(tokens[end].surface) && !TAGS.has(tokens[end].surface)) end--;
  if (end > from && TAGS.has(tokens[end].surface)) return;
  for (let i = sentenceStart; i <= Math.min(sentenceStart + 1, last); i++) if (REQUEST_OPENERS.has(tokens[i].surface)) return;
  // "Apakah Kakak bersedia …?", "Bagaimana kalau Kakak datang hari Sabtu?": requests and suggestions.
  for (let i = from; i <= Math.min(from + 2, last); i++) {
    if (REQUEST_OPENERS.has(tokens[i].surface)) return;
    if (tokens[i].surface === "bagaimana" && (tokens[i + 1]?.surface === "kalau" || tokens[i + 1]?.surface === "jika")) return;
  }
  for (let i = from; i <= last; i++) tokens[i].mode |= QUESTION;
}

const QUOTE_RE = /"[^"\n]{1,300}"|\u201c[^\u201d\n]{1,300}\u201d|\u2018[^\u2019\n]{1,300}\u2019|(?<![\p{L}\p{N}])'[^'\n]{1,300}'(?![\p{L}\p{N}])/gu;

function markQuoted(tokens: Token[], text: string): void {
  QUOTE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTE_RE.exec(text))) {
    const from = m.index;
    const to = m.index + m[0].length;
    for (const t of tokens) if (t.start > from && t.end < to) t.mode |= QUOTED;
  }
}

/** A unit of measure ("cm", "KG"). Rubric patterns spell units as units: "#angka cm" means centimetres. */
export function isUnitWord(raw: string): boolean {
  return raw.length <= 3 && UNITS.has(raw.toLowerCase());
}

/** "30 cm", "30cm", "2,5 CM": a unit right after a number, with nothing but spaces between. */
function isUnitAfterNumber(raw: string, prevRaw: string, gap: string): boolean {
  return raw.length <= 3 && isDigits(prevRaw) && /^[ \t]*$/.test(gap) && UNITS.has(raw.toLowerCase());
}

const WORD_CHAR_RE = /^[\p{L}\p{M}\p{N}]$/u;
const wideWordChar = new Map<number, boolean>();

/** Width (1 or 2 UTF-16 units) of the word character at i, as [\p{L}\p{M}\p{N}] reads it; 0 when it is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  let word = wideWordChar.get(cp);
  if (word === undefined) {
    word = WORD_CHAR_RE.test(String.fromCodePoint(cp));
    if (wideWordChar.size < 10_000) wideWordChar.set(cp, word);
  }
  return word ? (cp > 0xffff ? 2 : 1) : 0;
}

/** End of the run of word characters from i. */
function wordRunEnd(text: string, i: number): number {
  for (let w = wordCharAt(text, i); w > 0; w = wordCharAt(text, i)) i += w;
  return i;
}

const LETTER_RE = /^\p{L}$/u;
const wideLetter = new Map<number, boolean>();

/** Width (1 or 2 UTF-16 units) of the letter (\p{L}) at i; 0 when it is none. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  let letter = wideLetter.get(cp);
  if (letter === undefined) {
    letter = LETTER_RE.test(String.fromCodePoint(cp));
    if (wideLetter.size < 10_000) wideLetter.set(cp, letter);
  }
  return letter ? (cp > 0xffff ? 2 : 1) : 0;
}

/**
 * The runs of letters in `text` as [start, end) offsets: the matches of /\p{L}+/gu, found by a
 * character loop (the regex builds a match object per word; shouting is checked on every reply).
 */
export function letterRuns(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let start = nextLetterRun(text, 0); start >= 0;) {
    const end = letterRunEnd(text, start);
    out.push([start, end]);
    start = nextLetterRun(text, end);
  }
  return out;
}

/** Where the next run of letters (see letterRuns) at or after i starts, or -1; it ends at letterRunEnd(text, start). */
export function nextLetterRun(text: string, i: number): number {
  for (; i < text.length; i++) if (letterAt(text, i) > 0) return i;
  return -1;
}

/** End of the run of letters from i. */
export function letterRunEnd(text: string, i: number): number {
  for (let w = letterAt(text, i); w > 0; w = letterAt(text, i)) i += w;
  return i;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 96;

/** Where the word nextWord found last starts (its end is what nextWord returns): no pair to allocate per word. */
let wordStart = 0;
/** The rawEntry hash of that word when nextWord read it in its ASCII loop; 0 = not computed. */
let wordHash = 0;

// FNV-1a, 32 bits.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * The word runs (see above), in order, found by a character loop (the Unicode regex was the
 * tokenizer's largest single cost): a run of word characters, then more runs joined by one apostrophe.
 * Returns the end of the next run from `from` (its start in wordStart), or -1.
 */
function nextWord(text: string, from: number): number {
  let i = from;
  while (i < text.length && wordCharAt(text, i) === 0) i++;
  if (i >= text.length) return -1;
  // The usual word: ASCII letters and digits up to a space or ASCII punctuation, hashed as it is read.
  let h = FNV_OFFSET;
  let j = i;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  const stop = j < text.length ? text.charCodeAt(j) : 32;
  wordStart = i;
  if (stop < 128 && !isApostrophe(stop)) {
    wordHash = h === 0 ? 1 : h;
    return j;
  }
  wordHash = 0;
  let end = wordRunEnd(text, i);
  while (end < text.length && isApostrophe(text.charCodeAt(end)) && wordCharAt(text, end + 1) > 0) end = wordRunEnd(text, end + 1);
  return end;
}

/**
 * A distinct raw word run, interned by its characters: what tokenize needs of it (the string, its
 * lexemes, whether it has a digit or is in capitals) is worked out once, and a word seen before is
 * found without cutting it out of the text and hashing it as a new string.
 */
type RawEntry = {
  readonly text: string;
  readonly digit: boolean;
  readonly caps: boolean;
  lexes: Lexeme[] | undefined;
  /** Its lexemes read as an acronym (a short word in capitals in normal text: "KK", "KTP"). */
  acronym: Lexeme[] | undefined;
};

// Open addressing on the FNV-1a hash of the characters (0 = empty slot); emptied when half full.
const RAW_SLOTS = 1 << 16;
const rawHashes = new Int32Array(RAW_SLOTS);
const rawEntries: Array<RawEntry | undefined> = new Array<RawEntry | undefined>(RAW_SLOTS).fill(undefined);
let rawCount = 0;

/** The entry of text[start, end); `h` is its hash when known (nextWord), else 0. */
function rawEntry(text: string, start: number, end: number, h: number): RawEntry {
  if (h === 0) {
    h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    if (h === 0) h = 1;
  }
  const mask = RAW_SLOTS - 1;
  let slot = h & mask;
  for (let hh = rawHashes[slot]; hh !== 0; hh = rawHashes[slot]) {
    if (hh === h) {
      const e = rawEntries[slot]!;
      if (sameText(e.text, text, start, end)) return e;
    }
    slot = (slot + 1) & mask;
  }
  if (rawCount >= RAW_SLOTS / 2) {
    rawHashes.fill(0);
    rawEntries.fill(undefined);
    rawCount = 0;
    slot = h & mask;
  }
  const run = text.slice(start, end);
  const e: RawEntry = { text: run, digit: hasDigit(run), caps: isCapsWord(run), lexes: undefined, acronym: undefined };
  rawHashes[slot] = h;
  rawEntries[slot] = e;
  rawCount++;
  return e;
}

/** Whether `s` equals text[start, end). */
function sameText(s: string, text: string, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function rawWords(text: string): RawWord[] {
  const out: RawWord[] = [];
  for (let found = nextWord(text, 0); found >= 0; found = nextWord(text, found)) {
    const start = wordStart;
    const entry = rawEntry(text, start, found, wordHash);
    const run = entry.text;
    // "NIK-nya", "DM-in": glue the clitic to the word before it and drop it.
    const prev = out[out.length - 1];
    if (prev && start - prev.end === 1 && text[prev.end] === "-" && CLITICS.has(run.toLowerCase())) {
      prev.end = start + run.length;
      continue;
    }
    if (!entry.digit) {
      out.push({ text: run, start, end: start + run.length, caps: entry.caps, entry });
      continue;
    }
    // "hati2", "kira2": Indonesian reduplication written with a 2. Not an amount: "Rp2.750.000", "Rp2,5 juta".
    const redup = /^([\p{L}\p{M}]{2,})2$/u.exec(run);
    const end = start + run.length;
    const amount = redup !== null && (redup[1].toLowerCase() === "rp" || /^[.,]\d/.test(text.slice(end, end + 2)));
    if (redup && !amount) {
      const caps = isCapsWord(redup[1]);
      out.push({ text: redup[1], start, end: start + redup[1].length, caps, entry: null });
      out.push({ text: redup[1], start: start + redup[1].length, end: start + run.length, caps, entry: null });
      continue;
    }
    ALNUM_SPLIT_RE.lastIndex = 0;
    let p: RegExpExecArray | null;
    while ((p = ALNUM_SPLIT_RE.exec(run)))
      out.push({ text: p[0], start: start + p.index, end: start + p.index + p[0].length, caps: isCapsWord(p[0]), entry: null });
  }
  return out;
}

const LINK_RE =
  /(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|(?:[\p{L}\p{N}-]+\.)+(?:com|id|org|net|info|io|ly|me|co|app|gov|edu|biz|xyz|link|site|online|tv)(?![\p{L}\p{N}])(?:\/\S*)?/giu;
// Cheap pre-check for LINK_RE: most "a.b" gaps are sentence ends typed without a space.
const LINK_HINT = /https?:|www\.|@|\.(?:com|id|org|net|info|io|ly|me|co|app|gov|edu|biz|xyz|link|site|online|tv)\b/i;
const TRAILING_PUNCTUATION = /[.,!?;:)\]"'”’]+$/u;

/** A gap that can sit inside an address: only . / : @, no space. */
function isLinkGap(gap: string): boolean {
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c !== 46 && c !== 47 && c !== 58 && c !== 64) return false;
  }
  return true;
}

const isSpaceAt = (text: string, i: number) => /\s/.test(text[i]!);

/** Whether the gap [prevEnd, nextStart) lies inside a web address (with or without https://) or an e-mail address. */
function insideLink(text: string, prevEnd: number, nextStart: number): boolean {
  let from = prevEnd;
  while (from > 0 && !isSpaceAt(text, from - 1)) from--;
  let to = nextStart;
  while (to < text.length && !isSpaceAt(text, to)) to++;
  const chunk = text.slice(from, to);
  if (!LINK_HINT.test(chunk)) return false;
  LINK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINK_RE.exec(chunk))) {
    const start = from + m.index;
    if (start < prevEnd && nextStart < start + m[0].replace(TRAILING_PUNCTUATION, "").length) return true;
  }
  return false;
}

/** 0 = none, 1 = clause, 2 = sentence, 3 = question mark. A character loop: this runs for every word. */
function gapBreak(gap: string, prevRaw: string, nextRaw: string): 0 | 1 | 2 | 3 {
  if (gap === " ") return 0;
  // Numbers: 08.00, 50.000, 2,5.
  if ((gap === "." || gap === ",") && isDigits(prevRaw) && isDigits(nextRaw[0] ?? "")) return 0;
  let clause = false;
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c === 32) continue;
    if (c === 10 || c === 33 || c === 0x2026) return 2; // \n ! …
    if (c === 63) return gap.includes("\n") || gap.includes("!") ? 2 : 3; // ?
    if (c === 46) return /^\.\s*$/.test(gap) && ABBREVIATIONS.has(prevRaw.toLowerCase()) ? 0 : 2; // Jl. Merdeka
    if (CLAUSE_CHARS.has(c)) clause = true;
    else if (c === 45)
      clause ||= /\s-|-\s/.test(gap); // a spaced dash, not "KTP-el"
    else if (c >= 0xd800 && c <= 0xdbff) clause ||= PICTOGRAPH.test(gap.slice(i, i + 2));
    else if (c >= 0x2600 && c <= 0x27bf) clause = true; // ☺ ✅ ✨ …
  }
  return clause ? 1 : 0;
}

const CLAUSE_CHARS = new Set([...'，,;:()[]"“”|/–—'].map((ch) => ch.charCodeAt(0)));

// "kk" in a reply is usually "kakak" unless it sits next to document words.
const KK_DOC_BEFORE = new Set([
  "bawa",
  "membawa",
  "syarat",
  "syaratnya",
  "persyaratan",
  "fotokopi",
  "foto",
  "kartu",
  "asli",
  "nomor",
  "dan",
  "atau",
  "serta",
  "pakai",
  "cukup",
  "hanya",
  "dengan",
  "siapkan",
  "lampirkan",
  "sertakan",
  "ktp",
  "akta",
  "scan",
  "data",
  "berupa",
  "yaitu",
  "yakni",
  "adalah",
  "saja",
  "el",
  "nik",
  "dibawa",
  "berisi",
  "punya",
  "mengunggah",
  "kirim",
]);
const KK_DOC_AFTER = new Set([
  "asli",
  "dan",
  "atau",
  "fotokopi",
  "ktp",
  "akta",
  "orang",
  "orangtua",
  "lama",
  "baru",
  "terbaru",
  "milik",
  "saja",
  "yang",
  "sudah",
  "harus",
  "wajib",
  "bapak",
  "ibu",
]);
const KK_ADDRESS_BEFORE = new Set([
  "halo",
  "hai",
  "hi",
  "hello",
  "pagi",
  "siang",
  "sore",
  "malam",
  "kasih",
  "iya",
  "ya",
  "oke",
  "baik",
  "maaf",
  "selamat",
  "sama",
  "nih",
]);

function resolveKk(tokens: Token[], text: string): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.surface !== "kk") continue;
    const prev = i > 0 && tokens[i - 1].sentence === t.sentence ? tokens[i - 1].surface : "";
    const next = i + 1 < tokens.length && tokens[i + 1].sentence === t.sentence ? tokens[i + 1].surface : "";
    const upper = text.slice(t.start, t.start + 2) === "KK";
    let isDocument: boolean;
    if (KK_ADDRESS_BEFORE.has(prev)) isDocument = false;
    else if (KK_DOC_BEFORE.has(prev) || KK_DOC_AFTER.has(next)) isDocument = true;
    else isDocument = upper;
    if (!isDocument) {
      t.surface = t.stem = "kakak";
      t.lex = lexeme("kakak");
    }
  }
}

/** Normalised text, for debugging and tests: words joined by single spaces. */
export function normaliseText(text: string): string {
  return tokenize(text)
    .map((t) => t.surface)
    .join(" ");
}
