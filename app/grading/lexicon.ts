/**
 * Insults by surface form. Written from our own knowledge of Indonesian usage (no public
 * abusive-language dataset was copied: those are how this grader is measured).
 *
 * Insults are matched on the normalised surface (lower case, de-elongated: "gooblokkk" is
 * "goblok"), not on the stem, so "belagu" does not collide with "lagu" nor "kampungan" with
 * "kampung". They count inside a negation: "jangan bego ya" still calls the citizen bego.
 * Obfuscated spellings are read from the raw text: digits for letters ("g0bl0k", "4njing"),
 * masking ("b*go", "anj*ng") and spaced or dotted letters ("b o d o h", "t.o.l.o.l").
 */
import type { AnalysedText } from "./match";
import { WordMemo } from "./normalise";
import { insultSense, SECOND_PERSON, vocativeAt } from "./abuse-sense";

const INSULT_LIST = `
goblok goblog gblk gblg goblo bodoh bdh tolol tll tlol bego bgo dungu idiot bloon oon geblek dongo dongok pekok bolot budek budeg telmi
bebal pandir sarap bodo bodat belegug koplak oneng orgil sontoloyo sengklek kacrut pea begok goblock gobloq goblk ediot idiyot bangang
anjing anjir anjrit anjrot anjer anjg ajg anjim njing njir anjeng anjay anjy njeng nying anying anjink asu asyu asw babi monyet nyet
bangsat bgst bngst bgsd bangsad bngsat bajingan bjngn brengsek berengsek brengsk brgsk bangsul
keparat kampret sialan bedebah laknat jancuk jancok dancok diancuk jiancuk ancuk cuk cok jamput diamput jiamput tai taik tahi taek
kontol kntl kntol memek memeq ngentot ngentod ngntd entot entod ngewe pantek puki pukimak kimak pepek peler jembut jembud titit telek pejuh
gathel tempik itil silit cibai lancau haramjadah lahanat lambemu
lonte pelacur sundal perek jablay pecun bencong banci bangke kampang kunyuk kirik ngehe sompret semprul kehed picek matamu ndasmu raimu cangkemmu
fuck fck fucking shit bitch stupid bastard asshole dumb wtf
kampungan norak katrok katro udik ndeso gaptek cupu culun bacot bacod cocot congor congoran songong belagu murahan rendahan sinting gendeng tengik
biadab bejat bejad penjilat pecundang dajjal kadrun cebong kecebong pembohong pendusta jahanam terkutuk jongos kacung gembel gembrot
maho kapir kopar colmek ngaceng sange sangek sepong nyepong
`;

export const INSULTS: ReadonlySet<string> = new Set(INSULT_LIST.split(/\s+/).filter(Boolean));

/**
 * Words that are insults only when aimed at someone ("Setan!", "dasar setan", "najis lu"); otherwise
 * they are religion ("godaan setan", "iblis"), judgement of things ("najis" in fiqh, "sampah plastik")
 * or an intensifier ("gila", "keren gila").
 */
export const AIMED_ONLY: ReadonlySet<string> = new Set(
  (
    "setan iblis syaiton jurig najis sampah gila gelo edan binatang hewan bocah hina bangkai monyong cacat buta tuli bisu kafir " +
    // a moral or religious category as often as a name for someone: "orang-orang munafik" in a verse, "gengsi munafik"
    "munafik " +
    // a trade or a bodily word: "menguntungkan PSK", "kucing eek di teras"; "kamu PSK", "kaya eek" call someone that
    "psk eek " +
    // animals as names for people: "dasar onta", "tikus lu", "kebo kamu"
    "onta tikus kecoa cacing kebo kerbau celeng wedus beruk lutung kambing"
  ).split(" "),
);

/**
 * Swearing and vulgarity: not a judgement of a person that one can pass on oneself, so "anjir gue
 * kaget" or "ngentot sama aku" is not excused as self-directed (unlike "bodoh juga aku").
 */
const EXPLETIVES = new Set(
  "maho colmek ngaceng sange sangek sepong nyepong anying anjink asyu bngsat bjngn brengsk brgsk kntol memeq ngentod entod jembud gathel tempik itil silit cibai lancau haramjadah lahanat lambemu anjing anjir anjrit anjrot anjer anjg ajg anjim njing njir anjeng anjay anjy njeng nying asu asw bangsat bgst bngst bgsd bangsad bangsul bajingan brengsek berengsek keparat kampret sialan bedebah jancuk jancok dancok diancuk jiancuk ancuk cuk cok jamput diamput jiamput tai taik tahi taek kontol kntl memek ngentot ngntd entot ngewe pantek puki pukimak kimak pepek peler jembut titit telek pejuh lonte pelacur sundal perek jablay pecun bangke sompret semprul kehed ngehe fuck fck fucking shit bitch bastard asshole wtf matamu ndasmu raimu cangkemmu".split(
    " ",
  ),
);

const CLITICS = ["nya", "mu", "lu", "lo", "ku", "lah", "kah"];
const NEGATORS = new Set(["tidak", "bukan"]);

type Spans = Array<[number, number]>;

const collapse = (w: string) => w.replace(/(.)\1+/g, "$1");
const COLLAPSED = new Set([...INSULTS].map(collapse));
const insultMemo = new Map<string, boolean>();

function insultAt(surface: string): boolean {
  let hit = insultMemo.get(surface);
  if (hit === undefined) {
    // Collapsed forms of two letters are other words: "tll" (tolol) collapses to "tl" (timeline).
    const collapsed = collapse(surface);
    hit = INSULTS.has(surface) || (collapsed.length >= 3 && COLLAPSED.has(collapsed));
    // "goblokmu", "bodohnya": a clitic does not make it polite.
    for (const c of CLITICS) if (!hit && surface.length - c.length >= 3 && surface.endsWith(c)) hit = INSULTS.has(surface.slice(0, -c.length));
    if (insultMemo.size >= 20_000) insultMemo.clear();
    insultMemo.set(surface, hit);
  }
  return hit;
}

/**
 * Insult words only mentioned ("kata 'goblok'", "istilah kampungan") in a sentence that speaks to
 * the reader: not abuse, but a tone note ("Kakak jangan pakai kata 'goblok' ya").
 */
export function mentionedInsultsToReader(a: AnalysedText): Spans {
  const out: Spans = [];
  const t = a.tokens;
  for (let i = 0; i < t.length; i++) {
    if (!(t[i].lex.insult ??= insultAt(t[i].surface)) || insultSense(a, i) !== "mention") continue;
    let reader = false;
    for (let j = i - 1; j >= 0 && t[j].sentence === t[i].sentence && !reader; j--) reader = SECOND_PERSON.has(t[j].surface) || READER.has(t[j].surface);
    for (let j = i + 1; j < t.length && t[j].sentence === t[i].sentence && !reader; j++) reader = SECOND_PERSON.has(t[j].surface) || READER.has(t[j].surface);
    if (reader) out.push([t[i].start, t[i].end]);
  }
  return out;
}

// How a public reply addresses the citizen besides "you".
const READER = new Set(["kakak", "kak", "bapak", "pak", "ibu", "bu", "mas", "mbak", "saudara", "saudari"]);

const isAimedOnly = new WordMemo((lx) => (AIMED_ONLY.has(lx.surface) ? 1 : 0));

/**
 * Insult words in the reply, negated or not. Only "no question is stupid" is spared:
 * "tidak ada pertanyaan yang bodoh", "pertanyaan Kakak bukan pertanyaan bodoh".
 */
export function detectInsultWords(a: AnalysedText): Spans | null {
  let out: Spans | null = null;
  const t = a.tokens;
  for (let i = 0; i < t.length; i++) {
    const lx = t[i].lex;
    if (!(lx.insult ??= insultAt(lx.surface))) {
      if (isAimedOnly.of(lx) === 1 && vocativeAt(a, i) && !selfDirected(t, i)) (out ??= []).push([t[i].start, t[i].end]);
      continue;
    }
    if (t[i].negated && sparedByNegation(a, i)) continue;
    if (t[i].end - t[i].start <= 4 && isCodeToken(a.text.slice(t[i].start, t[i].end))) continue;
    if (insultSense(a, i) !== null) continue;
    if (!EXPLETIVES.has(lx.surface) && selfDirected(t, i)) continue;
    (out ??= []).push([t[i].start, t[i].end]);
  }
  return out;
}

// "bodoh juga aku lupa bawa KK": calling oneself names insults nobody, unless someone else is addressed too.
const FIRST_PERSON = new Set(["saya", "aku", "daku", "kami"]);
const ADDRESSEE = new Set([
  "kamu",
  "lu",
  "lo",
  "elu",
  "anda",
  "kalian",
  "kau",
  "engkau",
  "kakak",
  "bapak",
  "ibu",
  "admin",
  "mbak",
  "mas",
  "dasar",
  "petugas",
  "pegawai",
  // calls for someone's attention: "woy goblok gw ngakak" is said to someone
  "woy",
  "woi",
  "oi",
  "hei",
  "heh",
]);

function selfDirected(t: AnalysedText["tokens"], i: number): boolean {
  let self = false;
  // "aku bukan bolot", "kami bukan orang bodoh": the speaker within three words of the same clause.
  for (let j = Math.max(0, i - 3); j <= Math.min(t.length - 1, i + 2); j++) if (t[j].clause === t[i].clause && FIRST_PERSON.has(t[j].surface)) self = true;
  if (!self) return false;
  // "kami bukan orang bodoh": denying it of oneself insults nobody, whoever is addressed.
  if (t[i].negated) return true;
  for (let j = i - 1; j >= 0 && t[j].clause === t[i].clause; j--) if (ADDRESSEE.has(t[j].surface)) return false;
  for (let j = i + 1; j < t.length && t[j].clause === t[i].clause; j++) if (ADDRESSEE.has(t[j].surface)) return false;
  return true;
}

function sparedByNegation(a: AnalysedText, i: number): boolean {
  const t = a.tokens;
  let negator = false;
  let question = false;
  for (let j = i - 1; j >= 0 && j >= i - 6 && t[j].clause === t[i].clause; j--) {
    if (NEGATORS.has(t[j].surface)) negator = true;
    if (t[j].stem === "tanya") question = true;
  }
  return negator && question;
}

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", $: "s" };

const BY_LENGTH = new Map<number, string[]>();
for (const w of INSULTS) BY_LENGTH.set(w.length, [...(BY_LENGTH.get(w.length) ?? []), w]);

function matchesMasked(w: string): boolean {
  let stars = 0;
  for (const ch of w) if (ch === "*") stars++;
  if (stars === 0 || stars * 2 > w.length) return false;
  for (const candidate of BY_LENGTH.get(w.length) ?? []) {
    let ok = true;
    for (let i = 0; i < w.length && ok; i++) if (w[i] !== "*" && w[i] !== candidate[i]) ok = false;
    if (ok) return true;
  }
  return false;
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isMaskChar = (c: number) => (c >= 48 && c <= 57) || c === 64 || c === 36 || c === 42; // digits @ $ *

function isInsultSpelling(raw: string): boolean {
  let w = "";
  for (const ch of raw.toLowerCase()) w += LEET[ch] ?? ch;
  return INSULTS.has(w) || COLLAPSED.has(collapse(w)) || matchesMasked(w);
}

/**
 * Short codes are not spelling games: queue numbers and form codes ("C0K", "TA1", "B4B1"), letters with a
 * number after them ("ta1", "T41"). A longer word in capitals ("G0BL0K") is still read.
 */
function isCode(raw: string): boolean {
  return /^[A-Z0-9]{2,4}$/.test(raw) || /^[a-z]{1,3}\d+$/i.test(raw);
}

const isCodeToken = (raw: string) => /\d/.test(raw) && isCode(raw);

/**
 * Insults spelled to get past a word list: "g0bl0k", "4nj1ng", "b*go" (read from the raw text),
 * and "t o l o l", "b.o.d.o.h" (runs of one-letter words).
 */
export function detectObfuscatedInsults(a: AnalysedText): Spans | null {
  let out: Spans | null = null;
  const text = a.text;
  // Chunks between spaces that mix letters with digits, @, $ or *: "g0bl0k", but not "100rb" or "08.00".
  let start = -1;
  let mixed = false;
  let letters = 0;
  let prev = 0; // 1 letter, 2 digit or symbol
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const kind = isLetter(c) ? 1 : isMaskChar(c) ? 2 : 0;
    if (kind !== 0) {
      if (start < 0) {
        start = i;
        mixed = false;
        letters = 0;
      } else if (kind !== prev) mixed = true;
      if (kind === 1) letters++;
      prev = kind;
      continue;
    }
    if (start >= 0) {
      if (mixed && letters >= 2) {
        const raw = text.slice(start, i);
        if (!/^\d+[a-z]{0,3}$/i.test(raw) && !isCode(raw) && isInsultSpelling(raw)) (out ??= []).push([start, i]);
      }
      start = -1;
    }
  }
  const t = a.tokens;
  for (let i = 0; i < t.length; i++) {
    if (t[i].end - t[i].start !== 1) continue;
    let j = i;
    let joined = "";
    // spaced or dotted ("t o l o l", "b.o.d.o.h"); one chunk without separators ("B4B1") was read above
    while (j < t.length && t[j].end - t[j].start === 1 && (j === i || (t[j].start - t[j - 1].end >= 1 && t[j].start - t[j - 1].end <= 2)))
      joined += text[t[j++].start];
    if (j - i >= 3 && isInsultSpelling(joined)) (out ??= []).push([t[i].start, t[j - 1].end]);
    i = j - 1;
  }
  return out;
}
