/**
 * In which sense an insult word stands (lexicon.ts asks before flagging it). Insult words have
 * ordinary senses too, and only a word aimed at a person is abuse:
 * - aimed: vocative or predicative use at someone: "dasar anjing", "kamu babi", "anjing lu",
 *   "kayak monyet", an exclamation ("…, anjing!"). Aimed use always counts, whatever else is near.
 * - literal: an animal as an animal (pets, farm, meat, zoo, a species, counted "dua ekor monyet",
 *   coordinated with other animals "gajah dan monyet", haram/halal food), deaf ears as ears
 *   ("kuping budek").
 * - mention: the word talked about rather than used: after "kata", "istilah", "disebut", "artinya",
 *   "mengucapkan"; quoted next to such a cue; glossing an acronym ("KAMpungan"); asking what it means.
 * - name: part of a title or a proper name ("Catatan Harian Menantu Sinting", “Raja Monyet”,
 *   a film "3 Idiot"), or a referring noun after a classifier ("seorang …", "seekor …").
 * Written from our own knowledge of Indonesian usage; no public dataset's sentences were used.
 */
import type { AnalysedText } from "./match";
import { QUOTED } from "./normalise";

type Tokens = AnalysedText["tokens"];

const ANIMALS = new Set(["anjing", "babi", "monyet", "asu", "kunyuk", "kirik"]);
// Animals that are no insult themselves; an insult word describing one is said of the animal: "kucing gendut bermuka bodoh".
const ANIMAL_KINDS = new Set("kucing sapi kuda gajah harimau singa beruang rusa burung ikan kelinci hamster marmut".split(" "));

// Words an animal name forms a fixed compound with, right before it: "cinta monyet" (puppy love),
// "shio monyet", "tahun anjing" (the zodiac), "topeng monyet" (the street show), "suara monyet".
const COMPOUND_HEADS = new Set(["cinta", "shio", "tahun", "topeng", "suara", "tiruan", "bulu", "daging", "kulit", "susu", "minyak", "lemak"]);
// A kind named by colour or marking right after: "monyet hitam", "babi putih", "anjing belang".
const KIND_MARKS = new Set(["hitam", "putih", "coklat", "cokelat", "belang", "merah", "abu", "emas", "ekor", "kerdil", "raksasa"]);
// Liking, fearing, keeping an animal: "suka (sama) anjing", "takut anjing", "pelihara babi".
const ANIMAL_VERBS = new Set(["suka", "sayang", "takut", "pelihara", "piara", "punya", "beli", "gendong", "elus", "kasih", "lihat", "foto"]);
const ANIMAL_VERB_LINKS = new Set(["sama", "dengan", "ama", "pada", "sm", "dgn", "banget", "sekali", "tidak", "nggak", "gak", "enggak"]);
// Dung is a literal thing in fixed compounds: "tahi lalat" (a mole), "tahi bintang" (a meteor), "tahi
// besi" (rust). An animal's dung is literal where it lies or is stepped in ("tai burung di kaca mobil",
// "menginjak tai kucing"); "tai kucing" alone is the idiom for rubbish.
const DUNG = new Set(["tai", "tahi", "taik"]);
const DUNG_COMPOUNDS = new Set(["lalat", "bintang", "besi", "minyak"]);
const DUNG_HANDLING = new Set(["injak", "bersih", "kena", "pungut", "buang", "sapu", "kotor", "angkut"]);

// Who an insult can be aimed at, and the words that aim it ("dasar …", "kayak …").
export const SECOND_PERSON: ReadonlySet<string> = new Set([
  "kamu",
  "lu",
  "lo",
  "elu",
  "loe",
  "lau",
  "kau",
  "engkau",
  "anda",
  "kalian",
  "situ",
  "ente",
  "dikau",
  "mu",
]);
const AIMING = new Set(["dasar", "kayak", "kaya", "kek", "kayaknya", "seperti", "mirip", "bagai", "bagaikan", "laksana", "macam", "dikatain", "dikatai"]);

const COMPARISON = new Set(["lebih", "kalah", "daripada", "sama", "mirip", "seperti", "kayak", "kaya", "kek", "bagai", "macam", "setara", "sekelas"]);

const ANIMAL_CONTEXT = new Set(
  // the animal's life, body and keeping
  (
    "hutan liar ternak daging gonggong menggonggong kandang gigit menggigit rabies galak pelihara peliharaan piaraan ekor seekor pelacak lepas " +
    "tidur jilat liur vaksin flu kawanan sekawanan gerombolan peternak tetangga jalanan mati sakit induk anak bayi betina jantan bulu cakar taring ras trah " +
    // kinds of animal, and animals named next to it
    "hewan binatang satwa fauna mamalia primata spesies langka endemik habitat mangsa predator pemangsa kebun taman sawah kota permukiman pemukiman " +
    "kucing sapi kambing ayam bebek kerbau kuda gajah harimau singa beruang rusa tikus ular burung elang lumba kukang orangutan gorila simpanse " +
    "kelinci domba kera lutung owa babon beruk macan serigala rubah " +
    // food and its rules
    "panggang guling goreng sate rica masak kuliner haram halal diharamkan mengandung kandungan dna lemak minyak olahan makanan " +
    // news of animals
    "diselamatkan dievakuasi mengevakuasi evakuasi ditangkap diperjualbelikan dijual berkeliaran menyerang turun"
  ).split(" "),
);
// "monyet di taman", "anjing ke jalan": an animal somewhere is an animal.
const LOCATIVES = new Set(["di", "ke", "dari"]);
const COORDINATORS = new Set(["dan", "atau", "serta", "maupun", "dengan"]);
const CLASSIFIERS = new Set(
  "seekor ekor seorang sebuah para beberapa sekawanan kawanan dua tiga empat lima enam tujuh delapan sembilan sepuluh belasan puluhan ratusan".split(" "),
);

// The word talked about: "kata 'bego' artinya …", "istilah kampungan", "disebut banci".
const MENTION_CUES = new Set(
  "kata istilah sebutan julukan disebut dikatakan menyebut dinamai dinamakan artinya arti berarti bermakna makna maksudnya singkatan kosakata mengucapkan ucapan berkata umpatan makian mengumpat ngatain ngatai mengatai mengata-ngatai ngata-ngatain".split(
    " ",
  ),
);
const GLOSS_CUES = new Set(["berarti", "artinya", "bermakna", "maknanya", "maksudnya"]);
// Hearing: "kuping budek", "telinga budeg".
const DEAF = new Set(["budek", "budeg", "bolot", "tuli", "congek"]);
const EARS = new Set(["kuping", "telinga", "kupingku", "telingaku", "kupingnya", "telinganya", "kupingmu", "telingamu"]);
// Capitalised words that greet or address the reader, which do not make a title: "Selamat Pagi Bodoh".
const NOT_TITLE = new Set(
  "selamat pagi siang sore malam terima kasih halo hai hi dear yth pak bapak bu ibu kak kakak mas mbak bang abang dik adik om tante min admin dasar ya sih deh".split(
    " ",
  ),
);

const collapseRepeats = (w: string) => w.replace(/(.)\1+/g, "$1");
const sameClause = (t: Tokens, i: number, j: number) => j >= 0 && j < t.length && t[j].clause === t[i].clause;
const sameSentence = (t: Tokens, i: number, j: number) => j >= 0 && j < t.length && t[j].sentence === t[i].sentence;

// "kaya" is "like" in chat and "rich" in writing; normalisation reads it as "seperti". It is "rich" after a
// degree word or a place ("paling kaya", "negara kaya sampah plastik") and before "akan"/"raya".
const RICH_BEFORE = new Set(
  "yang paling lebih sangat makin semakin cukup begitu terlalu amat orang keluarga negara negeri daerah desa kota wilayah pulau hutan laut tanah alam bumi provinsi kabupaten".split(
    " ",
  ),
);
const rawAt = (a: AnalysedText, j: number) => a.text.slice(a.tokens[j].start, a.tokens[j].end).toLowerCase();

function richKaya(a: AnalysedText, j: number): boolean {
  if (rawAt(a, j) !== "kaya") return false;
  const t = a.tokens;
  if (sameClause(t, j, j - 1) && RICH_BEFORE.has(t[j - 1].surface)) return true;
  return sameClause(t, j, j + 1) && (t[j + 1].surface === "akan" || t[j + 1].surface === "raya");
}

/** "dasar anjing", "kamu babi", "anjing lu", "kayak monyet", "…, anjing!" */
export function aimedAtPerson(a: AnalysedText, i: number): boolean {
  const t = a.tokens;
  for (let j = i - 1; j >= i - 2 && sameClause(t, i, j); j--) {
    if (SECOND_PERSON.has(t[j].surface)) return true;
    // "kaya" may be "rich in" ("daerah ini kaya monyet ekor panjang"): it aims only where no literal reading is found
    if (AIMING.has(t[j].surface) && rawAt(a, j) !== "kaya") return true;
  }
  for (let j = i + 1; j <= i + 2 && sameClause(t, i, j); j++) if (SECOND_PERSON.has(t[j].surface)) return true;
  // "monyet di kebun binatang lebih sopan dari Anda": a comparison with the person addressed.
  let compared = false;
  let person = false;
  for (let j = i - 1; j >= 0 && sameClause(t, i, j); j--) {
    compared ||= COMPARISON.has(t[j].surface);
    person ||= SECOND_PERSON.has(t[j].surface);
  }
  for (let j = i + 1; j < t.length && sameClause(t, i, j); j++) {
    compared ||= COMPARISON.has(t[j].surface);
    person ||= SECOND_PERSON.has(t[j].surface);
  }
  if (compared && person) return true;
  // "goblokmu", "…, anjing!": a clitic "you", or the word alone shouted.
  if (/(mu|lu|lo)$/.test(t[i].surface) && !ANIMALS.has(t[i].surface) && t[i].surface !== "kampungan") return true;
  const after = a.text.slice(t[i].end, t[i].end + 3);
  const alone = !sameClause(t, i, i - 1) && !sameClause(t, i, i + 1);
  return alone && after.startsWith("!");
}

// Colloquial aiming only: "kayak setan", "dasar sampah", "setan lu". Formal "seperti sampah plastik" is a comparison of things.
// "si" names a person by the word ("si edan", "si kafir"); spitting or telling someone to shut up or go
// addresses them ("cuih najis", "diem setan", "minggir sampah").
const STRICT_AIMING = new Set(["dasar", "kayak", "kaya", "kek", "kyk", "kayaknya", "dikatain", "dikatai", "dikata", "si"]);
const ADDRESSING = new Set(["cuih", "cih", "cuh", "idih", "diam", "diem", "minggir", "pergi", "enyah", "minggat", "hush"]);

/**
 * Whether a word that is an insult only when aimed ("setan", "sampah", "gila") is aimed here: next to
 * "you" or a colloquial "dasar/kayak", or alone and shouted ("Setan!").
 */
export function vocativeAt(a: AnalysedText, i: number): boolean {
  const t = a.tokens;
  for (let j = i - 1; j >= i - 2 && sameClause(t, i, j); j--) {
    // the raw spelling: normalisation reads "kayak" as "seperti"
    if (SECOND_PERSON.has(t[j].surface) || (STRICT_AIMING.has(rawAt(a, j)) && !richKaya(a, j))) return true;
  }
  if (sameClause(t, i, i - 1) && ADDRESSING.has(collapseRepeats(t[i - 1].surface))) return true;
  for (let j = i + 1; j <= i + 2 && sameClause(t, i, j); j++) if (SECOND_PERSON.has(t[j].surface)) return true;
  const alone = !sameClause(t, i, i - 1) && !sameClause(t, i, i + 1);
  return alone && a.text.slice(t[i].end, t[i].end + 3).startsWith("!");
}

function literalDung(t: Tokens, i: number): boolean {
  if (!DUNG.has(t[i].surface) || !sameClause(t, i, i + 1)) return false;
  if (DUNG_COMPOUNDS.has(t[i + 1].surface)) return true;
  if (!ANIMAL_CONTEXT.has(t[i + 1].surface) && !ANIMALS.has(t[i + 1].surface)) return false;
  if (sameSentence(t, i, i + 2) && LOCATIVES.has(t[i + 2].surface)) return true;
  return sameClause(t, i, i - 1) && DUNG_HANDLING.has(t[i - 1].stem);
}

function literalAnimal(t: Tokens, i: number): boolean {
  if (!ANIMALS.has(t[i].surface)) return false;
  // "Shio: Monyet" in a list of fields is the same compound.
  if (sameSentence(t, i, i - 1) && COMPOUND_HEADS.has(t[i - 1].surface)) return true;
  if (sameClause(t, i, i + 1) && KIND_MARKS.has(t[i + 1].surface)) return true;
  // "suka anjing", "takut sama anjing"
  for (let j = i - 1; j >= i - 3 && sameClause(t, i, j); j--) {
    if (ANIMAL_VERBS.has(t[j].stem) || ANIMAL_VERBS.has(t[j].surface)) return true;
    if (!ANIMAL_VERB_LINKS.has(t[j].surface)) break;
  }
  if (sameSentence(t, i, i + 1) && LOCATIVES.has(t[i + 1].surface)) return true;
  // counted: "dua monyet", "seekor anjing"
  if (sameClause(t, i, i - 1) && (t[i - 1].isNumber || CLASSIFIERS.has(t[i - 1].surface))) return true;
  // the next sentence may be the same line of thought: "… mengandung DNA? babi."
  for (let j = Math.max(0, i - 4); j <= Math.min(t.length - 1, i + 4); j++) {
    if (j === i || (!sameSentence(t, i, j) && Math.abs(j - i) > 2)) continue;
    if (ANIMAL_CONTEXT.has(t[j].surface) || ANIMAL_CONTEXT.has(t[j].stem)) return true;
  }
  // "Bukan hanya anjing, babi pun …": animals listed side by side, with no one addressed.
  for (const n of [i - 1, i + 1]) {
    if (!sameSentence(t, i, n) || !(ANIMALS.has(t[n].surface) || ANIMAL_KINDS.has(t[n].surface))) continue;
    let addressed = false;
    for (let j = i - 4; j <= i + 4; j++) if (sameSentence(t, i, j) && SECOND_PERSON.has(t[j].surface)) addressed = true;
    if (!addressed) return true;
  }
  // "manusia dan monyet", "gajah, monyet dan kera": coordinated with a living kind.
  for (const [c, n] of [
    [i - 1, i - 2],
    [i + 1, i + 2],
  ]) {
    if (sameClause(t, i, n) && COORDINATORS.has(t[c].surface) && (t[n].surface === "manusia" || ANIMALS.has(t[n].surface))) return true;
  }
  return false;
}

// Compounds in which an insult word has its ordinary sense: "wedus gembel" (a volcano's hot cloud), "bunga bangkai".
// Also names: the comedian "Haji Bolot"; a loan: "tai chi"; Ronggowarsito's "zaman edan" (an age gone mad).
const FIXED_COMPOUNDS = new Set([
  "zaman edan",
  "jaman edan",
  "wedus gembel",
  "bunga bangke",
  "bunga bangkai",
  "haji bolot",
  "pak bolot",
  "bapak bolot",
  "tai chi",
  "tai ci",
  // the place in scripture: "neraka Jahanam"
  "neraka jahanam",
  "neraka jahannam",
]);

function fixedCompound(t: Tokens, i: number): boolean {
  if (sameClause(t, i, i - 1) && FIXED_COMPOUNDS.has(`${t[i - 1].surface} ${t[i].surface}`)) return true;
  return sameClause(t, i, i + 1) && FIXED_COMPOUNDS.has(`${t[i].surface} ${t[i + 1].surface}`);
}

function saidOfAnimal(t: Tokens, i: number): boolean {
  for (let j = i - 1; j >= i - 3 && sameClause(t, i, j); j--) {
    if (SECOND_PERSON.has(t[j].surface)) return false;
    if (ANIMAL_KINDS.has(t[j].surface)) return true;
  }
  return false;
}

function deafEars(t: Tokens, i: number): boolean {
  if (!DEAF.has(t[i].surface)) return false;
  for (let j = i - 1; j >= i - 2 && sameClause(t, i, j); j--) if (EARS.has(t[j].surface)) return true;
  return false;
}

function mentioned(a: AnalysedText, i: number): boolean {
  const t = a.tokens;
  // "kata X", "istilah X", "disebut X", "mengucapkan X", also with the word in quotes.
  for (let j = i - 1; j >= i - 2 && sameSentence(t, i, j); j--) if (MENTION_CUES.has(t[j].surface)) return true;
  // "X artinya …", "X itu singkatan dari …"
  for (let j = i + 1; j <= i + 2 && sameSentence(t, i, j); j++) if (MENTION_CUES.has(t[j].surface)) return true;
  // "Asu dalam bahasa Jawa berarti anjing": a gloss a few words on
  for (let j = i + 1; j <= i + 5 && sameSentence(t, i, j); j++) if (t[j].surface === "bahasa" || GLOSS_CUES.has(t[j].surface)) return true;
  // a quoted word in a sentence about words: 'Kata "depp" dalam bahasa Jerman artinya "idiot"'
  if (t[i].mode & QUOTED && quotedRun(t, i) <= 3) {
    for (let j = i - 8; j <= i + 8; j++) if (j !== i && sameSentence(t, i, j) && (MENTION_CUES.has(t[j].surface) || t[j].surface === "bahasa")) return true;
  }
  // an acronym spelled out: "KAMSEUPAY = KAMpungan SEkali …"
  const raw = a.text.slice(t[i].start, t[i].end);
  if (/^[A-Z]{2,}[a-z]{2,}$/.test(raw)) return true;
  // "X tuh apa?", "apa itu X?", "apa arti X?"
  const q = a.text.slice(t[i].end, t[i].end + 30);
  if (/^(\s+\p{L}+){0,2}\s+(itu|tuh|tu\s+)?apa\s*\?/iu.test(q)) return true;
  // a definition: "X = …" or "… = X …"
  if (definitionSentence(a, i)) return true;
  return sameSentence(t, i, i - 1) && sameSentence(t, i, i - 2) && t[i - 2].surface === "apa" && t[i - 1].surface === "itu";
}

/** How many words the quotation holding token i has: a quoted word is mentioned, a quoted sentence is reported speech. */
function quotedRun(t: Tokens, i: number): number {
  let from = i;
  let to = i;
  while (from > 0 && t[from - 1].mode & QUOTED && sameSentence(t, i, from - 1)) from--;
  while (to + 1 < t.length && t[to + 1].mode & QUOTED && sameSentence(t, i, to + 1)) to++;
  return to - from + 1;
}

function definitionSentence(a: AnalysedText, i: number): boolean {
  const t = a.tokens;
  let from = i;
  let to = i;
  while (sameSentence(t, i, from - 1)) from--;
  while (sameSentence(t, i, to + 1)) to++;
  return /\S\s*=\s*\S/.test(a.text.slice(t[from].start, t[to].end));
}

const isTitleCase = (w: string) => /^\p{Lu}\p{Ll}+$/u.test(w);

// Places: "Udik" (upstream) ends many village and street names, "Jl. Kalimas Udik 1c", "Desa Cibuntu Udik".
const PLACE_NOUNS = new Set(["jalan", "jl", "gang", "gg", "desa", "dusun", "kampung", "kelurahan", "kecamatan", "kabupaten", "kota", "blok", "perumahan"]);

function partOfName(a: AnalysedText, i: number): boolean {
  const t = a.tokens;
  for (let j = i - 1; j >= i - 3 && sameClause(t, i, j); j--) if (PLACE_NOUNS.has(t[j].surface)) return true;
  const raw = (k: number) => a.text.slice(t[k].start, t[k].end);
  if (!sameSentence(t, i, i - 1)) return false;
  // a film or a counted referent: "3 Idiot", "(3 idiot)"
  if (t[i - 1].isNumber) return true;
  if (!isTitleCase(raw(i))) return false;
  let titled = 0;
  for (let j = i - 1; j >= 0 && sameSentence(t, i, j) && isTitleCase(raw(j)) && !NOT_TITLE.has(t[j].surface) && !SECOND_PERSON.has(t[j].surface); j--) titled++;
  if (titled === 0) return false;
  // «“Raja Monyet …”», «Catatan Harian Menantu Sinting»; a headline whose words are all capitalised is not enough.
  if (t[i].mode & QUOTED) return true;
  return titled >= 2 && /\p{Ll}{3,}/u.test(a.text.slice(t[0].start, t[i - titled].start) + a.text.slice(t[i].end).trimStart().split(/\s+/)[0]);
}

/** Why the insult word at token i is not abuse, or null when it is aimed at someone (or may be). */
export function insultSense(a: AnalysedText, i: number): Sense {
  let memo = senses.get(a);
  if (!memo) senses.set(a, (memo = new Map()));
  let sense = memo.get(i);
  if (sense === undefined) memo.set(i, (sense = senseOf(a, i)));
  return sense;
}

type Sense = "literal" | "mention" | "name" | null;
// The abuse check and the tone notes both ask about the same words of the same reply.
const senses = new WeakMap<AnalysedText, Map<number, Sense>>();

function senseOf(a: AnalysedText, i: number): Sense {
  if (aimedAtPerson(a, i)) return null;
  if (literalAnimal(a.tokens, i) || literalDung(a.tokens, i) || deafEars(a.tokens, i) || fixedCompound(a.tokens, i) || saidOfAnimal(a.tokens, i))
    return "literal";
  if (mentioned(a, i)) return "mention";
  if (partOfName(a, i)) return "name";
  return null;
}
