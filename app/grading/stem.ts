/**
 * Compact Indonesian stemmer in the spirit of Nazief–Adriani / Enhanced Confix Stripping.
 *
 * 1. particles (-lah -kah -tah -pun), 2. possessives (-nya -ku -mu), 3. derivational
 * suffixes (-kan -an -i, informal -in), 4. up to three prefix layers (di- ke- se- ber- ter-
 * me- pe- per- memper- and meN-/peN- with morphophonemic recoding), checking a small root
 * list after each step. When no root is found we fall back to the default rule at every step,
 * which keeps stemming consistent between a rubric's phrase and the learner's word, the only
 * property grading relies on. Matching stems, not surface forms, makes "persyaratan",
 * "syaratnya" and "syarat" equal.
 */
import { ROOT_WORDS } from "./roots";

const ROOTS = new Set(ROOT_WORDS.split(/\s+/).filter(Boolean));
const MIN_ROOT = 3;
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

/**
 * -kan verbs whose meaning drifted away from their adverb/preposition root keep the -kan as
 * their stem, so rubrics can tell them apart: "pasti" (certainly: a promise) vs "pastikan"
 * (make sure: a check), "terus" (keep on, then) vs "teruskan" (forward), "sampai" (until,
 * arrive) vs "sampaikan" (convey). All their forms share the verb stem: memastikan,
 * dipastikan, pastiin, pemastian → pastikan. Nominalisations of the root (kepastian) keep the root.
 */
const KAN_VERBS = new Set(["pastikan", "teruskan", "sampaikan"]);

/**
 * ke-…-an nouns whose meaning drifted away from their adjective/adverb root are stems of their
 * own, like the -kan verbs above: "ketentuan" (a provision, a rule) is not "tentu" (certainly),
 * "kebijakan" (a policy) not "bijak" (wise), "keterangan" (a statement, a certificate) not
 * "terang" (bright, clear). "belum sesuai ketentuan" is no promise-hedge "belum tentu". Only the
 * noun and its suffixed forms (ketentuannya) share it; ke-an nouns that keep the root's meaning
 * (kepastian, kedatangan, kelengkapan) still stem to the root.
 */
const KE_AN_NOUNS = new Set(["ketentuan", "kebijakan", "keterangan"]);

export function isRootWord(word: string): boolean {
  return ROOTS.has(word);
}

export function stem(word: string): string {
  const cached = memo.get(word);
  if (cached !== undefined) return cached;
  const result = word.length <= MIN_ROOT || ROOTS.has(word) || !/^[a-z]+$/.test(word) ? word : (stemWithRoots(word) ?? stemByRules(word));
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, result);
  return result;
}

function stripEnd(w: string, suffixes: readonly string[]): string {
  for (const s of suffixes) {
    if (w.length - s.length >= MIN_ROOT && w.endsWith(s)) return w.slice(0, -s.length);
  }
  return w;
}

const PARTICLES = ["lah", "kah", "tah", "pun"] as const;
const POSSESSIVES = ["nya", "ku", "mu"] as const;

/** Candidate bases after removing a derivational suffix, most likely first. */
function derivationalVariants(w: string, informal: boolean): string[] {
  // Plain code, no helper closure: this runs for every word the stem memo has not seen.
  const out: string[] = [];
  if (w.endsWith("kan")) addVariant(out, w.slice(0, -3));
  if (w.endsWith("an")) addVariant(out, w.slice(0, -2));
  if (w.endsWith("i")) addVariant(out, w.slice(0, -1));
  if (informal && w.endsWith("in")) addVariant(out, w.slice(0, -2));
  return out;
}

function addVariant(out: string[], s: string): void {
  if (s.length >= MIN_ROOT && !out.includes(s)) out.push(s);
}

function stemWithRoots(word: string): string | null {
  const w1 = stripEnd(word, PARTICLES);
  if (ROOTS.has(w1)) return w1;
  const w2 = stripEnd(w1, POSSESSIVES);
  if (ROOTS.has(w2) || KE_AN_NOUNS.has(w2)) return w2;
  const verb = kanVerb(w2);
  if (verb) return verb;
  const derived = derivationalVariants(w2, true);
  for (const d of derived) if (ROOTS.has(d)) return d;
  // A root ending in -in is not the informal suffix: "dijamin" is jamin, not jam.
  if (w2.endsWith("in")) {
    const whole = stripPrefixes(w2, 3);
    if (whole) return whole;
  }
  for (const base of [...derived, w2, w1, word]) {
    const found = stripPrefixes(base, 3);
    if (found) return found;
  }
  return informalPrefix(w2, derived);
}

function kanVerb(w: string): string | null {
  const bases = [w];
  if (w.endsWith("in")) bases.push(w.slice(0, -2) + "kan"); // Jakarta -in for -kan: pastiin, terusin
  if (w.startsWith("pe") && w.endsWith("an")) bases.push(w.slice(0, -2) + "kan"); // peN-…-an names the act: penyampaian
  for (const b of bases) {
    if (KAN_VERBS.has(b)) return b;
    const layer1 = prefixCandidates(b);
    if (b.startsWith("n")) layer1.push("t" + b.slice(1)); // colloquial nerusin
    if (b.startsWith("m")) layer1.push("p" + b.slice(1)); // colloquial mastiin
    for (const c of layer1) {
      if (KAN_VERBS.has(c)) return c;
      for (const d of prefixCandidates(c)) if (KAN_VERBS.has(d)) return d;
    }
  }
  return null;
}

function stripPrefixes(w: string, depth: number): string | null {
  for (const c of prefixCandidates(w)) {
    if (ROOTS.has(c)) return c;
    if (depth > 1) {
      const deeper = stripPrefixes(c, depth - 1);
      if (deeper) return deeper;
    }
  }
  return null;
}

/**
 * One layer of prefix removal, with the recodings of ECS: meng+V may hide a k, mem+V a p,
 * men+V a t, meny+V an s; per-/ber-/ter- before a vowel may have eaten an r.
 * The first candidate is the rule default used when no root is known.
 */
export function prefixCandidates(w: string): string[] {
  // Plain code, no helper closures: this runs several times for every word the stem memo has not seen.
  const out: string[] = [];
  if (w.startsWith("di") || w.startsWith("ke") || w.startsWith("se")) addCandidate(out, w.slice(2));
  if (w.startsWith("memper")) addCandidate(out, w.slice(6));
  if (w.startsWith("meng") || w.startsWith("peng")) {
    if (w.startsWith("menge") || w.startsWith("penge")) addCandidate(out, w.slice(5)); // mengecek, pengecatan: one-syllable roots
    if (charIn(w, 4, "aiueo")) {
      addCandidate(out, w.slice(4));
      addCandidate(out, "k" + w.slice(4));
    } else addCandidate(out, w.slice(4));
  } else if (w.startsWith("meny") || w.startsWith("peny")) {
    addCandidate(out, "s" + w.slice(4));
    addCandidate(out, "ny" + w.slice(4));
  } else if (w.startsWith("mem") || w.startsWith("pem")) {
    if (charIn(w, 3, "bfvp")) addCandidate(out, w.slice(3));
    else if (charIn(w, 3, "aiueo")) {
      addCandidate(out, "p" + w.slice(3));
      addCandidate(out, "m" + w.slice(3));
    } else addCandidate(out, w.slice(2));
  } else if (w.startsWith("men") || w.startsWith("pen")) {
    if (charIn(w, 3, "cdjsz")) addCandidate(out, w.slice(3));
    else if (charIn(w, 3, "aiueo")) {
      addCandidate(out, "t" + w.slice(3));
      addCandidate(out, "n" + w.slice(3));
    } else addCandidate(out, w.slice(2));
  } else if (w.startsWith("ber") || w.startsWith("ter") || w.startsWith("per")) {
    addCandidate(out, w.slice(3));
    if (charIn(w, 3, "aiueo")) addCandidate(out, "r" + w.slice(3));
    addCandidate(out, w.slice(2)); // te-rV / be-rV / pe-rV: terekam, berantas
  } else if (w.startsWith("belajar") || w.startsWith("pelajar")) addCandidate(out, "ajar" + w.slice(7));
  else if (w.startsWith("me") || w.startsWith("pe") || w.startsWith("be") || w.startsWith("te")) addCandidate(out, w.slice(2));
  return out;
}

/** Whether w[i] is one of `chars` (false past the end). */
function charIn(w: string, i: number, chars: string): boolean {
  return i < w.length && chars.includes(w[i]);
}

function addCandidate(out: string[], s: string): void {
  if (s.length >= MIN_ROOT) out.push(s);
}

// Jakarta-colloquial verbs: ngurus, nanya, nyari, mikir, ngecek. Accepted only when a root confirms them.
function informalPrefix(w2: string, derived: string[]): string | null {
  for (const base of [w2, ...derived]) {
    const cands: string[] = [];
    if (base.startsWith("nge")) cands.push(base.slice(3));
    if (base.startsWith("ng")) cands.push(base.slice(2), "k" + base.slice(2));
    if (base.startsWith("ny")) cands.push("s" + base.slice(2), "c" + base.slice(2));
    if (base.startsWith("n")) cands.push("t" + base.slice(1));
    if (base.startsWith("m")) cands.push("p" + base.slice(1));
    for (const c of cands) if (c.length >= MIN_ROOT && ROOTS.has(c)) return c;
  }
  return null;
}

/** Rule-only stemming for words whose root we do not know: always take the default. */
function stemByRules(word: string): string {
  let w = stripEnd(stripEnd(word, PARTICLES), POSSESSIVES);
  const derived = derivationalVariants(w, false);
  if (derived.length > 0 && derived[0].length >= 4) w = derived[0];
  for (let layer = 0; layer < 2; layer++) {
    const first = prefixCandidates(w)[0];
    if (!first || first.length < 4) break;
    w = first;
  }
  return w;
}
