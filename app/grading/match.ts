/**
 * Rubric patterns: compiled once per exercise, matched against an analysed reply.
 *
 * Syntax (one string = one way of expressing the element; any string may match):
 *   kartu keluarga        words in this order, adjacent (each word normalised and stemmed)
 *   datang/hadir          one word out of several
 *   (kartu keluarga|kk)   a choice between word sequences; also inside a choice: kk/(kartu keluarga)
 *   datang [langsung] ke  optional words
 *   rekam ... kantor      up to 4 other words in between (`...2` = up to 2), same sentence
 *   *                     exactly one word of any kind
 *   #angka                any number
 *   ^                     start of a sentence
 *   =dikirim              this exact word form, not stemmed
 *   calo & lapor          both parts somewhere in the same sentence, any order
 *   ~calo                 also counts when negated ("jangan pakai calo")
 * Without `~`, a pattern does not match words in the scope of a negation ("tidak perlu
 * datang" is not "datang"), unless the pattern itself contains the negator ("tidak benar").
 */
import { isUnitWord, normaliseWord, tokenize, type KeySlot, type Token } from "./normalise";
import { stem, isRootWord } from "./stem";
import { markNegation, NEGATORS } from "./negation";

type TokenTest =
  | { kind: "stem"; value: string }
  | { kind: "exact"; value: string }
  | { kind: "number" }
  | { kind: "any" }
  /** A `/` slot of single words, tested in one step: "datang/hadir/=dikirim/#angka". */
  | { kind: "set"; stems: ReadonlySet<string>; exacts: ReadonlySet<string>; number: boolean; keys: Key[] };

type Node =
  | { t: "tok"; test: TokenTest }
  /** `first`: a token test every option's first word must pass (altNode), or null when an option may start otherwise. */
  | { t: "alt"; options: Node[][]; optional: boolean; first: TokenTest | null }
  | { t: "gap"; max: number }
  | { t: "start" };

/**
 * A choice node. Its options mostly start with a plain word ("...2 (nik|nomor kk|foto ktp|…)"), and
 * the matcher tries the choice at every position a gap allows: one union test of the options' first
 * words rules most positions out before each option is tried (same result: each would fail there).
 */
function altNode(options: Node[][], optional: boolean): Node {
  const stems = new Set<string>();
  const exacts = new Set<string>();
  let number = false;
  for (const option of options) {
    const n = option[0];
    if (n === undefined || n.t !== "tok" || n.test.kind === "any") return { t: "alt", options, optional, first: null };
    const test = n.test;
    if (test.kind === "stem") stems.add(test.value);
    else if (test.kind === "exact") exacts.add(test.value);
    else if (test.kind === "number") number = true;
    else {
      for (const x of test.stems) stems.add(x);
      for (const x of test.exacts) exacts.add(x);
      number ||= test.number;
    }
  }
  return { t: "alt", options, optional, first: { kind: "set", stems, exacts, number, keys: [] } };
}

/** An index lookup: a stem, an exact surface form, or "any number"; `slot` holds its positions in the text analysed last. */
type Key = { kind: "stem" | "exact" | "number"; value: string; slot: KeySlot | null };

/**
 * Pattern words interned as slots: analyse() writes each word's positions into its slot, so the
 * matcher finds them without hashing the word again. A slot is valid for the text analysed last
 * (slot.epoch === slotEpoch === a.epoch); any other text, or a slot made after the analysis, falls
 * back to the text's own maps (AnalysedText.stems / .surfaces), which give the same positions.
 */
const stemSlots = new Map<string, KeySlot>();
const surfaceSlots = new Map<string, KeySlot>();
/** Grows with every new slot: lexemes re-read their slots (Lexeme.slotGen). */
let slotGeneration = 0;
/** Grows with every analysis and every new slot. */
let slotEpoch = 0;

/**
 * Every slot's epoch by slot id, mirrored from KeySlot.epoch (mark()): the pre-filter (couldMatch)
 * reads one flat array instead of following a key to its slot object per pattern word.
 */
let slotEpochs = new Float64Array(1024).fill(-1);
let nextSlotId = 0;

function makeKey(kind: Key["kind"], value: string): Key {
  if (kind === "number") return { kind, value: "", slot: null };
  const table = kind === "stem" ? stemSlots : surfaceSlots;
  let slot = table.get(value);
  if (slot === undefined) {
    slot = { id: nextSlotId++, epoch: -1, pos: [] };
    if (slot.id >= slotEpochs.length) {
      const grown = new Float64Array(slotEpochs.length * 2).fill(-1);
      grown.set(slotEpochs);
      slotEpochs = grown;
    }
    table.set(value, slot);
    slotGeneration++;
    slotEpoch++;
  }
  return { kind, value, slot };
}

type CompiledSequence = {
  nodes: Node[];
  polarity: boolean;
  /** Keys one of which the first matched token has; null = any token. */
  firstKeys: Key[] | null;
  /** For every mandatory position, keys one of which must occur somewhere: a cheap pre-filter. */
  requiredKeys: Key[][];
  /**
   * requiredKeys flattened for couldMatch: per position its key count, then the keys' slot ids
   * (-1 = any number); positions with fewer keys first, as they are the likeliest to be absent.
   */
  requiredSlots: Int32Array;
  /** The matcher's first frame, with every frame it can reach (see framesOf); made on the first match attempt. */
  root: Frame | null;
};

export type CompiledPattern = {
  /** Process-wide id, so one reply can be pre-screened against all patterns of a turn at once. */
  id: number;
  source: string;
  /** Likely authoring mistakes that still compile (see Parser.lint), for content:check. */
  warnings: string[];
  parts: CompiledSequence[];
  /** One mandatory position's keys: the pattern cannot match unless one of them occurs. Null = always try. */
  trigger: Key[] | null;
};

let nextPatternId = 0;

// Frequent words in replies: poor triggers for the pre-screen.
const COMMON_WORDS = new Set(
  "tidak bukan belum jangan kami saya bapak ibu kakak anda kamu yang di ke dan ya untuk sudah bisa ada itu ini dengan akan dari atau juga saja terima kasih mohon silakan maaf selamat harus perlu kita".split(
    " ",
  ),
);

export type UnlessScope = "sentence" | "nearby" | "reply";

/**
 * An element's patterns plus the patterns that cancel them nearby, and exceptions: longer
 * phrases that contain a match but mean something else ("sebutkan alamat saat menelepon 112"
 * is advice, not a request). A match that shares words with an exception's match is dropped.
 */
export type CompiledMatcher = {
  patterns: CompiledPattern[];
  unless: CompiledPattern[];
  unlessScope: UnlessScope;
  exceptions: CompiledPattern[];
  /** Token modes (normalise.ts QUESTION | QUOTED) whose words this matcher ignores. */
  skip: number;
  /** Whether `patterns` have consecutive ascending ids, so findMatches can visit only the live ones. */
  consecutive: boolean;
};

export type AnalysedText = {
  text: string;
  tokens: Token[];
  /** Token positions by stem (including typo aliases), by surface form, and of numbers. */
  readonly stems: Map<string, number[]>;
  readonly surfaces: Map<string, number[]>;
  numbers: number[];
  /** Ids of patterns worth trying on this text (see TriggerIndex); absent = try all. */
  live?: LiveSet;
  /** The analysis this text's key slots belong to (see stemSlots); absent = read the maps. */
  epoch?: number;
};

/**
 * The analysed text. The position maps are built when first read: the matcher reads the key
 * slots of the text analysed last instead, and most replies never need the surface map.
 */
class Analysis implements AnalysedText {
  live?: LiveSet = undefined;
  private stemMap: Map<string, number[]> | null = null;
  private surfaceMap: Map<string, number[]> | null = null;
  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly numbers: number[],
    readonly epoch: number,
  ) {}

  get stems(): Map<string, number[]> {
    if (this.stemMap === null) {
      const stems = new Map<string, number[]>();
      for (let i = 0; i < this.tokens.length; i++) {
        const t = this.tokens[i];
        put(stems, t.stem, i);
        if (t.aliases !== null) for (const alias of t.aliases) put(stems, alias, i);
      }
      this.stemMap = stems;
    }
    return this.stemMap;
  }

  /** The same analysis without the trigger screen: every pattern is tried. (A spread copy would lose the maps' getters.) */
  unscreened(): Analysis {
    const copy = new Analysis(this.text, this.tokens, this.numbers, this.epoch);
    copy.stemMap = this.stemMap;
    copy.surfaceMap = this.surfaceMap;
    return copy;
  }

  get surfaces(): Map<string, number[]> {
    if (this.surfaceMap === null) {
      const surfaces = new Map<string, number[]>();
      for (let i = 0; i < this.tokens.length; i++) put(surfaces, this.tokens[i].surface, i);
      this.surfaceMap = surfaces;
    }
    return this.surfaceMap;
  }
}

/** `a` without its trigger screen (`live`): every pattern is tried. */
export function unscreened(a: AnalysedText): AnalysedText {
  return a instanceof Analysis ? a.unscreened() : { ...a, live: undefined };
}

/**
 * Pattern ids worth trying on a text (see TriggerIndex). The index reuses one array of marks and
 * stamps each screened text: no array to allocate and zero per reply. A set the index has since
 * replaced by a newer one lets every pattern through, which is always correct, only slower.
 */
export class LiveSet {
  constructor(
    private readonly marks: Uint32Array,
    private readonly stamp: number,
    private readonly index: TriggerIndex,
  ) {}

  has(id: number): boolean {
    if (this.index.stamp !== this.stamp || this.index.marks !== this.marks) return true;
    return this.marks[id] === this.stamp;
  }

  /**
   * The live ids in ascending order (the index's reused list, `count` long), or null when the
   * index has made a newer set since: then every pattern must be tried.
   */
  ids(): Int32Array | null {
    return this.index.stamp !== this.stamp || this.index.marks !== this.marks ? null : this.index.list;
  }

  get count(): number {
    return this.index.count;
  }
}

/** Token index ranges [first, last] (inclusive), one per `&` part. */
export type PatternMatch = { sentence: number; ranges: Array<[number, number]> };

export class PatternError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`pola "${source}": ${message}`);
  }
}

const DEFAULT_GAP = 4;
const MAX_GAP = 10;

// ---------------------------------------------------------------- compiling

export function compilePattern(source: string): CompiledPattern {
  let body = source.trim();
  let anyPolarity = false;
  if (body.startsWith("~")) {
    anyPolarity = true;
    body = body.slice(1).trim();
  }
  if (body === "") throw new PatternError(source, "kosong");
  const warnings: string[] = [];
  const parts = splitTopLevel(body, "&", source).map((part) => {
    const parser = new Parser(part, source);
    const nodes = parser.sequence();
    warnings.push(...parser.warnings);
    if (!parser.done()) throw new PatternError(source, `karakter tak terduga "${part[parser.i]}"`);
    if (nodes.length === 0) throw new PatternError(source, "bagian kosong di sekitar &");
    if (nodes[0].t === "gap" || nodes[nodes.length - 1].t === "gap") throw new PatternError(source, "... tidak boleh di awal atau akhir");
    const requiredKeys = requiredKeysOf(nodes);
    return {
      nodes,
      polarity: !anyPolarity && !containsNegator(nodes),
      firstKeys: keysAt(nodes, 0),
      requiredKeys,
      requiredSlots: flatSlots(requiredKeys),
      root: null,
    };
  });
  // The most selective mandatory position makes the best trigger: few alternatives, no common words.
  const candidates = parts.flatMap((p) => p.requiredKeys);
  const cost = (keys: Key[]) => keys.length + 20 * keys.filter((k) => COMMON_WORDS.has(k.value) || k.kind === "number").length;
  const trigger = candidates.length > 0 ? candidates.reduce((best, k) => (cost(k) < cost(best) ? k : best)) : null;
  return { id: nextPatternId++, source, warnings, parts, trigger };
}

export function compileMatcher(
  patterns: readonly string[],
  unless: readonly string[] = [],
  unlessScope: UnlessScope = "sentence",
  exceptions: readonly string[] = [],
  skip = 0,
): CompiledMatcher {
  const compiled = patterns.map(compilePattern);
  const consecutive = compiled.every((p, i) => p.id === compiled[0].id + i);
  return { patterns: compiled, unless: unless.map(compilePattern), unlessScope, exceptions: exceptions.map(compilePattern), skip, consecutive };
}

/** Every pattern a matcher may try, for the trigger index. */
export function patternsOf(m: CompiledMatcher): CompiledPattern[] {
  return [...m.patterns, ...m.unless, ...m.exceptions];
}

function splitTopLevel(s: string, sep: string, source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === sep && depth === 0) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
    if (depth < 0) throw new PatternError(source, "kurung tutup tanpa pasangan");
  }
  if (depth !== 0) throw new PatternError(source, "kurung tidak seimbang");
  out.push(s.slice(from));
  return out;
}

const WORD_STOP = /[\s()[\]|&]/;

/** The options of one `/` slot as written: a word, or null for a bracketed group. */
type SlotWords = Array<string | null>;

// Words that only make sense with the word after them ("kurang tepat", "tidak pantas").
const MODIFIERS = new Set(["tidak", "bukan", "belum", "jangan", "tanpa", "kurang", "lebih", "paling", "sangat", "amat", "terlalu", "agak", "makin", "semakin"]);
// Fixed phrases that lose their meaning when split across two `/` lists (compared by stem).
const FIXED_PHRASES = new Set(
  [
    "terima kasih",
    "mohon maaf",
    "pesan pribadi",
    "pesan langsung",
    "direct message",
    "call center",
    "kartu keluarga",
    "cek fakta",
    "tindak lanjut",
    "orang dalam",
    "salah kaprah",
  ].map((p) => p.split(" ").map(stemOf).join(" ")),
);

/** A pattern word as the matcher sees it: normalised and stemmed. */
const standard = (word: string) => {
  const w = word.replace(/^=/, "");
  return isUnitWord(w) ? w.toLowerCase() : normaliseWord(w).map(stemOf).join(" ");
};

class Parser {
  i = 0;
  readonly warnings: string[] = [];
  private slotWords: SlotWords = [];
  constructor(
    readonly s: string,
    readonly source: string,
  ) {}

  done(): boolean {
    this.skipSpace();
    return this.i >= this.s.length;
  }

  private skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  sequence(): Node[] {
    const nodes: Node[] = [];
    let previous: SlotWords | null = null;
    for (;;) {
      this.skipSpace();
      const c = this.s[this.i];
      if (c === undefined || c === ")" || c === "]" || c === "|") return nodes;
      const plain = c !== "[" && !this.s.startsWith("...", this.i) && !((c === "*" || c === "^") && this.atWordEnd(this.i + 1));
      if (plain) {
        nodes.push(this.slot());
        const current = this.slotWords;
        if (previous) this.lint(previous, current);
        previous = current;
        continue;
      }
      previous = null;
      if (c === "[") {
        this.i++;
        nodes.push(altNode(this.alternatives("]"), true));
      } else if (this.s.startsWith("...", this.i)) {
        const word = this.word();
        const n = word.length === 3 ? DEFAULT_GAP : Number(word.slice(3));
        if (!Number.isInteger(n) || n < 1 || n > MAX_GAP) throw new PatternError(this.source, `jarak "${word}" harus ...1 sampai ...${MAX_GAP}`);
        nodes.push({ t: "gap", max: n });
      } else if ((c === "*" || c === "^") && this.atWordEnd(this.i + 1)) {
        this.i++;
        nodes.push(c === "*" ? { t: "tok", test: { kind: "any" } } : { t: "start" });
      }
    }
  }

  /**
   * `/` joins single words, so "keliru/salah/kurang tepat" means keliru/salah/kurang, then tepat.
   * Warn when two adjacent slots look like a phrase split by mistake: the list mixes a modifier
   * with plain words, two lists share a word, or only the touching words form a fixed phrase.
   */
  private lint(before: SlotWords, after: SlotWords): void {
    if (before.length < 2 && after.length < 2) return;
    const last = before[before.length - 1];
    const first = after[0];
    if (last == null || first == null) return;
    const a = before.map((w) => (w == null ? null : standard(w)));
    const b = after.map((w) => (w == null ? null : standard(w)));
    const edge = `${a[a.length - 1]} ${b[0]}`;
    const mixedModifier = a.length >= 2 && MODIFIERS.has(a[a.length - 1]!) && a.some((w) => w != null && !MODIFIERS.has(w));
    const shared = a.length >= 2 && b.length >= 2 && a.some((w) => w != null && b.includes(w));
    const splitPhrase =
      FIXED_PHRASES.has(edge) &&
      (a.some((w) => w != null && w !== a[a.length - 1] && !FIXED_PHRASES.has(`${w} ${b[0]}`)) ||
        b.some((w) => w != null && w !== b[0] && !FIXED_PHRASES.has(`${a[a.length - 1]} ${w}`)));
    if (!mixedModifier && !shared && !splitPhrase) return;
    const show = (words: SlotWords) => words.map((w) => w ?? "(…)");
    const phrase = `${last.replace(/^=/, "")} ${first.replace(/^=/, "")}`;
    this.warnings.push(
      `pola "${this.source}": "/" hanya memisahkan satu kata, jadi "${phrase}" terbaca sebagai ${show(before).join("/")} lalu ${show(after).join("/")}. ` +
        `Jika "${phrase}" satu pilihan, tulis (${phrase}); jika memang berurutan, tulis (${show(before).join("|")}) ${show(after).join("/")}.`,
    );
  }

  private atWordEnd(at: number): boolean {
    return at >= this.s.length || WORD_STOP.test(this.s[at]);
  }

  /** `(a b|c)` after its opening bracket, up to and including `close`. */
  private alternatives(close: string): Node[][] {
    const options = [this.sequence()];
    while (this.s[this.i] === "|") {
      this.i++;
      options.push(this.sequence());
    }
    if (this.s[this.i] !== close) throw new PatternError(this.source, `kurang "${close}"`);
    this.i++;
    if (options.some((o) => o.length === 0)) throw new PatternError(this.source, "pilihan kosong di dalam kurung");
    return options;
  }

  /** One position with alternatives: `datang/hadir/(mal pelayanan publik)/#angka`. */
  private slot(): Node {
    const options: Node[][] = [];
    const words: SlotWords = [];
    for (;;) {
      if (this.s[this.i] === "(") {
        this.i++;
        options.push(...this.alternatives(")"));
        words.push(null);
      } else {
        const word = this.word();
        if (word === "") throw new PatternError(this.source, `karakter tak terduga "${this.s[this.i] ?? "/"}"`);
        options.push(this.atom(word));
        words.push(word.startsWith("#") ? null : word);
      }
      if (this.s[this.i] !== "/") break;
      this.i++;
    }
    this.slotWords = words;
    if (options.length === 1 && options[0].length === 1) return options[0][0];
    // Hot path: a list of single words becomes one token test instead of a backtracking choice.
    if (options.every((o) => o.length === 1 && o[0].t === "tok" && o[0].test.kind !== "any" && o[0].test.kind !== "set")) {
      const stems = new Set<string>();
      const exacts = new Set<string>();
      let number = false;
      const keys: Key[] = [];
      for (const o of options) {
        const test = (o[0] as { t: "tok"; test: TokenTest }).test;
        if (test.kind === "stem") stems.add(test.value);
        else if (test.kind === "exact") exacts.add(test.value);
        else if (test.kind === "number") number = true;
        if (test.kind === "stem" || test.kind === "exact") keys.push(makeKey(test.kind, test.value));
        else if (test.kind === "number") keys.push(makeKey("number", ""));
      }
      return { t: "tok", test: { kind: "set", stems, exacts, number, keys } };
    }
    return altNode(options, false);
  }

  private word(): string {
    const from = this.i;
    while (this.i < this.s.length && !WORD_STOP.test(this.s[this.i]) && this.s[this.i] !== "/") this.i++;
    return this.s.slice(from, this.i);
  }

  private atom(word: string): Node[] {
    if (word.startsWith("#")) {
      if (word !== "#angka") throw new PatternError(this.source, `kelas kata "${word}" tidak dikenal (yang ada: #angka)`);
      return [{ t: "tok", test: { kind: "number" } }];
    }
    const exact = word.startsWith("=");
    const spelled = exact ? word.slice(1) : word;
    // A unit in a pattern is the unit ("#angka cm"), as it is after a number in a reply.
    const surfaces = isUnitWord(spelled) ? [spelled.toLowerCase()] : tokenize(spelled, { resolveKk: false }).map((t) => t.surface);
    if (surfaces.length === 0) throw new PatternError(this.source, `"${word}" tidak berisi kata`);
    return surfaces.map((w): Node => ({ t: "tok", test: exact ? { kind: "exact", value: w } : { kind: "stem", value: stemOf(w) } }));
  }
}

function stemOf(surface: string): string {
  return /^\d+$/.test(surface) ? surface : stem(surface);
}

function containsNegator(nodes: Node[]): boolean {
  return nodes.some((n) => {
    if (n.t === "tok" && n.test.kind === "set") return [...n.test.stems, ...n.test.exacts].some((v) => NEGATORS.has(v));
    if (n.t === "tok") return (n.test.kind === "stem" || n.test.kind === "exact") && NEGATORS.has(n.test.value);
    if (n.t === "alt") return n.options.some(containsNegator);
    return false;
  });
}

/** Index keys one of which the first matched token must have; null = any token. */
function keysAt(nodes: Node[], i: number): Key[] | null {
  const n = nodes[i];
  if (!n) return null;
  switch (n.t) {
    case "start":
      return keysAt(nodes, i + 1);
    case "gap":
      return null;
    case "tok":
      if (n.test.kind === "any") return null;
      if (n.test.kind === "set") return n.test.keys;
      return [makeKey(n.test.kind, n.test.kind === "number" ? "" : n.test.value)];
    case "alt": {
      const keys: Key[] = [];
      for (const option of n.options) {
        const k = keysAt(option, 0);
        if (!k) return null;
        keys.push(...k);
      }
      if (n.optional) {
        const rest = keysAt(nodes, i + 1);
        if (!rest) return null;
        keys.push(...rest);
      }
      return keys;
    }
  }
}

function flatSlots(groups: Key[][]): Int32Array {
  const out: number[] = [];
  for (const keys of [...groups].sort((x, y) => x.length - y.length)) {
    out.push(keys.length);
    for (const k of keys) out.push(k.slot === null ? -1 : k.slot.id);
  }
  return Int32Array.from(out);
}

function requiredKeysOf(nodes: Node[]): Key[][] {
  const out: Key[][] = [];
  nodes.forEach((n, i) => {
    if (n.t === "tok" || (n.t === "alt" && !n.optional)) {
      const keys = keysAt(nodes, i);
      if (keys) out.push(keys);
    }
  });
  return out;
}

function positions(a: AnalysedText, k: Key): number[] | undefined {
  const slot = k.slot;
  if (slot === null) return a.numbers.length > 0 ? a.numbers : undefined;
  if (a.epoch === slotEpoch) return slot.epoch === slotEpoch ? slot.pos : undefined;
  return k.kind === "stem" ? a.stems.get(k.value) : a.surfaces.get(k.value);
}

function anyPresent(a: AnalysedText, keys: Key[], fast: boolean): boolean {
  for (const k of keys) {
    if (fast && k.slot !== null) {
      if (k.slot.epoch === slotEpoch) return true;
    } else if (positions(a, k) !== undefined) return true;
  }
  return false;
}

export function vocabularyOf(p: CompiledPattern): string[] {
  const out: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.t === "tok" && n.test.kind === "stem") out.push(n.test.value);
      else if (n.t === "tok" && n.test.kind === "set") out.push(...n.test.stems);
      else if (n.t === "alt") n.options.forEach(walk);
    }
  };
  p.parts.forEach((part) => walk(part.nodes));
  return out;
}

// ---------------------------------------------------------------- typo tolerance

const FUZZY_MIN_PATTERN = 6;
const FUZZY_MIN_TOKEN = 5;

/** Symmetric-delete index over the pattern vocabulary: edit distance 1 for longer words. */
let nextFuzzyId = 0;

// The union of every typo index's vocabulary: a word with no pattern word near it in the union has
// none in any one index, so most tokens skip the per-exercise lookup. The generation grows with the union.
const unionVocab = new Set<string>();
const unionDeletes = new Map<string, string[]>();
let fuzzyGeneration = 0;

function nearAnyIndex(word: string): boolean {
  if (word.length < FUZZY_MIN_TOKEN) return false;
  for (const probe of [word, ...deletions(word)]) {
    const hits = unionDeletes.get(probe);
    if (hits) for (const h of hits) if (h !== word && withinOneEdit(word, h)) return true;
  }
  return false;
}

export class FuzzyIndex {
  /** Index into Lexeme.near, where each word's aliases under this index are kept. */
  readonly id = nextFuzzyId++;
  private readonly vocab = new Set<string>();
  private readonly deletes = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length < FUZZY_MIN_PATTERN || this.vocab.has(w) || /\d/.test(w)) continue;
      this.vocab.add(w);
      for (const d of [w, ...deletions(w)]) {
        const list = this.deletes.get(d);
        if (list) list.push(w);
        else this.deletes.set(d, [w]);
      }
      if (!unionVocab.has(w)) {
        unionVocab.add(w);
        for (const d of [w, ...deletions(w)]) {
          const list = unionDeletes.get(d);
          if (list) list.push(w);
          else unionDeletes.set(d, [w]);
        }
        fuzzyGeneration++;
      }
    }
  }

  private readonly memo = new Map<string, string[]>();

  /** Pattern words at Damerau distance 1 from `word` (none for real words or short ones). */
  near(word: string): string[] {
    if (word.length < FUZZY_MIN_TOKEN || this.vocab.has(word)) return NONE;
    let found = this.memo.get(word);
    if (found === undefined) {
      found = isRootWord(word) || NEGATORS.has(word) ? NONE : this.lookup(word);
      if (this.memo.size >= 20_000) this.memo.clear();
      this.memo.set(word, found);
    }
    return found;
  }

  private readonly tokenMemo = new Map<string, string[]>();

  /**
   * Pattern words near a token: those near its stem, then those near its surface form, without
   * repeats. Memoised by surface (the stem is a function of it): one lookup per token.
   */
  nearToken(surface: string, stem: string): string[] {
    let found = this.tokenMemo.get(surface);
    if (found === undefined) {
      const near = this.near(stem);
      const nearSurface = surface !== stem ? this.near(surface) : NONE;
      found = nearSurface.length > 0 ? [...new Set([...near, ...nearSurface])] : near;
      if (this.tokenMemo.size >= 20_000) this.tokenMemo.clear();
      this.tokenMemo.set(surface, found);
    }
    return found;
  }

  private lookup(word: string): string[] {
    const found = new Set<string>();
    for (const probe of [word, ...deletions(word)]) {
      const hits = this.deletes.get(probe);
      if (hits) for (const h of hits) if (h !== word && withinOneEdit(word, h)) found.add(h);
    }
    return found.size > 0 ? [...found] : NONE;
  }
}

function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Damerau–Levenshtein distance ≤ 1 (substitution, insertion, deletion or adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// ---------------------------------------------------------------- analysing

function put(index: Map<string, number[]>, key: string, pos: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [pos]);
  else if (list[list.length - 1] !== pos) list.push(pos);
}

/**
 * The slots marked by the text analysed last, each once, in first-mark order: TriggerIndex.live
 * screens these few instead of every token's word (reset by analyse()).
 */
const markedSlots: KeySlot[] = [];
/** How many of markedSlots belong to the text analysed last (the rest are stale: no length cut per analysis). */
let markedCount = 0;

/** Records token `i` in a key slot for analysis `epoch` (as put() does in a map). */
function mark(slot: KeySlot | null, i: number, epoch: number): void {
  if (slot === null) return;
  if (slot.epoch !== epoch) {
    slot.epoch = epoch;
    slotEpochs[slot.id] = epoch;
    slot.pos = [i];
    markedSlots[markedCount++] = slot;
  } else if (slot.pos[slot.pos.length - 1] !== i) slot.pos.push(i);
}

export function analyse(text: string, fuzzy?: FuzzyIndex): AnalysedText {
  const tokens = tokenize(text);
  const numbers: number[] = [];
  const epoch = ++slotEpoch;
  markedCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const lx = t.lex;
    if (t.isNumber) numbers.push(i);
    else t.stem = lx.stem ??= stem(t.surface);
    if (lx.slotGen !== slotGeneration) {
      lx.stemSlot = stemSlots.get(t.stem) ?? null;
      lx.surfaceSlot = surfaceSlots.get(t.surface) ?? null;
      lx.slotGen = slotGeneration;
    }
    mark(lx.stemSlot, i, epoch);
    mark(lx.surfaceSlot, i, epoch);
    if (fuzzy && !t.isNumber) {
      if (lx.fuzzyGen !== fuzzyGeneration) {
        lx.fuzzy = nearAnyIndex(t.stem) || (t.surface !== t.stem && nearAnyIndex(t.surface));
        lx.fuzzyGen = fuzzyGeneration;
      }
      if (lx.fuzzy) {
        let all = lx.near[fuzzy.id];
        if (all === undefined) all = lx.near[fuzzy.id] = fuzzy.nearToken(t.surface, t.stem);
        if (all.length > 0) {
          t.aliases = all;
          for (const alias of all) mark(stemSlots.get(alias) ?? null, i, epoch);
        }
      }
    }
  }
  markNegation(tokens);
  return new Analysis(text, tokens, numbers, epoch);
}

const NONE: string[] = [];

// ---------------------------------------------------------------- matching

/**
 * Where the matcher stands: node i of a node list, then `next` (the rest of the enclosing list).
 * A frame's continuation is fixed by where its node list sits in the pattern, so all frames are made
 * once per sequence (framesOf) and step() allocates none per alternative or gap.
 */
type Frame = {
  nodes: Node[];
  i: number;
  next: Frame | null;
  list: FrameList;
  /** A test the word where this frame starts must pass (see frameTest), or null: a gap skips the positions that fail it. */
  first: TokenTest | null;
};
/** The frames of one node list under one continuation: at[i] stands at node i; options[i], an alt's option frames. */
type FrameList = { at: Frame[]; options: Array<Frame[] | undefined> };

function framesOf(nodes: Node[], next: Frame | null): FrameList {
  const list: FrameList = { at: [], options: [] };
  for (let i = 0; i <= nodes.length; i++) list.at.push({ nodes, i, next, list, first: frameTest(nodes[i]) });
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.t === "alt") list.options[i] = node.options.map((option) => framesOf(option, list.at[i + 1]).at[0]);
  }
  return list;
}

/** What the first word of a frame at `node` must pass: a word's own test, or a choice's union test unless it is optional. */
function frameTest(node: Node | undefined): TokenTest | null {
  if (node === undefined) return null;
  if (node.t === "tok") return node.test.kind === "any" ? null : node.test;
  return node.t === "alt" && !node.optional ? node.first : null;
}

/** `negatedOnly`: find only matches where a word the pattern wants affirmed is negated (contradiction check). */
type Run = {
  a: AnalysedText;
  sentence: number;
  polarity: boolean;
  skip: number;
  negatedOnly: boolean;
  /** Matched token positions in hits[0, n): a count, as cutting an array's length is a runtime call on every failed step. */
  hits: number[];
  n: number;
};

function testToken(test: TokenTest, t: Token): boolean {
  switch (test.kind) {
    case "stem":
      return t.stem === test.value || (t.aliases !== null && t.aliases.includes(test.value));
    case "exact":
      return t.surface === test.value;
    case "number":
      return t.isNumber;
    case "any":
      return true;
    case "set":
      if (test.stems.has(t.stem) || test.exacts.has(t.surface) || (test.number && t.isNumber)) return true;
      if (t.aliases !== null) for (const a of t.aliases) if (test.stems.has(a)) return true;
      return false;
  }
}

/** Whether word `t` passes what the word loop in step() checks of a word node with `test`. */
function opens(test: TokenTest, t: Token | undefined, run: Run): boolean {
  return t !== undefined && t.sentence === run.sentence && !(run.polarity && t.negated) && (t.mode & run.skip) === 0 && testToken(test, t);
}

/** Backtracking matcher; returns the position after the match or -1. */
function step(f: Frame | null, pos: number, run: Run): number {
  if (f === null) return pos;
  const nodes = f.nodes;
  const tokens = run.a.tokens;
  const hits = run.hits;
  const before = run.n;
  let i = f.i;
  // A run of plain words has nothing to backtrack into: test it in a loop, with no frame per word.
  while (i < nodes.length) {
    const node = nodes[i];
    if (node.t !== "tok") break;
    const t = tokens[pos];
    if (!t || t.sentence !== run.sentence || (run.polarity && t.negated) || (t.mode & run.skip) !== 0 || !testToken(node.test, t)) {
      run.n = before;
      return -1;
    }
    hits[run.n++] = pos;
    pos++;
    i++;
  }
  let end = -1;
  if (i >= nodes.length) end = step(f.next, pos, run);
  else {
    const node = nodes[i];
    const after = f.list.at[i + 1];
    switch (node.t) {
      case "gap":
        for (let k = 0; k <= node.max; k++) {
          if (k > 0) {
            const skipped = tokens[pos + k - 1];
            if (!skipped || skipped.sentence !== run.sentence) break;
          }
          // A position whose word fails the next node's first test cannot start it: no call to find that out.
          if (after.first !== null && !opens(after.first, tokens[pos + k], run)) continue;
          end = step(after, pos + k, run);
          if (end >= 0) break;
        }
        break;
      case "alt": {
        // The checks each option's first word would fail, made once for all options.
        if (node.first === null || opens(node.first, tokens[pos], run)) {
          for (const option of f.list.options[i]!) {
            end = step(option, pos, run);
            if (end >= 0) break;
          }
        }
        if (end < 0 && node.optional) end = step(after, pos, run);
        break;
      }
      case "start": {
        const t = tokens[pos];
        if (t && !(pos > 0 && tokens[pos - 1].sentence === t.sentence)) end = step(after, pos, run);
        break;
      }
    }
  }
  if (end < 0) run.n = before;
  return end;
}

function candidateStarts(seq: CompiledSequence, a: AnalysedText): number[] | null {
  if (!seq.firstKeys) return null;
  if (seq.firstKeys.length === 1) return positions(a, seq.firstKeys[0]) ?? NO_POSITIONS;
  let found: number[] | null = null;
  let merged = false;
  for (const k of seq.firstKeys) {
    const p = positions(a, k);
    if (!p) continue;
    if (found === null) found = p;
    else {
      if (!merged) {
        mergedStarts.length = 0;
        for (let k = 0; k < found.length; k++) mergedStarts.push(found[k]);
        found = mergedStarts;
        merged = true;
      }
      for (const x of p) if (!found.includes(x)) found.push(x);
    }
  }
  if (merged) sortShort(found!, ascending);
  return found ?? NO_POSITIONS;
}

/** candidateStarts' merged list, reused: findSequence reads it before the next call (step() never calls back in). */
const mergedStarts: number[] = [];

const NO_POSITIONS: number[] = [];
const ascending = (x: number, y: number) => x - y;
const bySpan = (x: [number, number], y: [number, number]) => x[0] - y[0] || x[1] - y[1];

/**
 * Sorts `xs` in place like Array#sort (stably), by insertion when it is short: Array#sort allocates a
 * work array on every call, and the start positions and evidence spans sorted per reply are a handful.
 */
function sortShort<T>(xs: T[], order: (x: T, y: T) => number): void {
  if (xs.length > 16) {
    xs.sort(order);
    return;
  }
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && order(xs[j], x) > 0) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
}

function couldMatch(seq: CompiledSequence, a: AnalysedText): boolean {
  const fast = a.epoch === slotEpoch;
  if (!fast) {
    for (const keys of seq.requiredKeys) if (!anyPresent(a, keys, false)) return false;
    return true;
  }
  // The text analysed last: every position needs one key whose slot was marked in this analysis.
  const req = seq.requiredSlots;
  const hasNumber = a.numbers.length > 0;
  let k = 0;
  while (k < req.length) {
    const end = k + 1 + req[k];
    let present = false;
    for (k++; k < end && !present; k++) {
      const id = req[k];
      present = id < 0 ? hasNumber : slotEpochs[id] === slotEpoch;
    }
    if (!present) return false;
    k = end;
  }
  return true;
}

function anyNegated(hits: number[], n: number, tokens: Token[]): boolean {
  for (let k = 0; k < n; k++) if (tokens[hits[k]].negated) return true;
  return false;
}

type SequenceMatch = { sentence: number; first: number; last: number };

/** The one Run: findSequence fills it per call (step() never calls back into findSequence). */
const run: Run = {
  a: { text: "", tokens: [], stems: new Map(), surfaces: new Map(), numbers: [] },
  sentence: 0,
  polarity: false,
  skip: 0,
  negatedOnly: false,
  hits: [],
  n: 0,
};
// Most sequences do not match: one shared, frozen empty result for them.
const NO_SEQUENCE = Object.freeze([]) as unknown as SequenceMatch[];

function findSequence(seq: CompiledSequence, a: AnalysedText, limit: number, skip = 0, negatedOnly = false): SequenceMatch[] {
  let out = NO_SEQUENCE;
  const starts = candidateStarts(seq, a);
  const count = starts ? starts.length : a.tokens.length;
  let after = -1;
  run.a = a;
  run.polarity = seq.polarity && !negatedOnly;
  run.skip = skip;
  run.negatedOnly = negatedOnly;
  const frame = (seq.root ??= framesOf(seq.nodes, null).at[0]);
  for (let s = 0; s < count && out.length < limit; s++) {
    const pos = starts ? starts[s] : s;
    if (pos <= after) continue;
    run.sentence = a.tokens[pos].sentence;
    run.n = 0;
    if (step(frame, pos, run) < 0 || run.n === 0) continue;
    const hits = run.hits;
    if (negatedOnly && !anyNegated(hits, run.n, a.tokens)) continue;
    let first = hits[0];
    let last = first;
    for (let k = 1; k < run.n; k++) {
      const h = hits[k];
      if (h < first) first = h;
      else if (h > last) last = h;
    }
    if (out === NO_SEQUENCE) out = [];
    out.push({ sentence: run.sentence, first, last });
    after = last;
  }
  return out;
}

// Most patterns do not match most replies: one shared, frozen empty result for them.
const NO_MATCH = Object.freeze([]) as unknown as PatternMatch[];

export function matchPattern(p: CompiledPattern, a: AnalysedText, limit = 5, skip = 0, negatedOnly = false): PatternMatch[] {
  if (a.live !== undefined && !a.live.has(p.id)) return NO_MATCH;
  if (negatedOnly && !p.parts.every((part) => part.polarity)) return NO_MATCH;
  // Cheap rejection first: every mandatory word of every part must occur somewhere.
  for (const part of p.parts) if (!couldMatch(part, a)) return NO_MATCH;
  // Hot path: plain loops, no closures (tsx/esbuild wraps every closure it creates).
  if (p.parts.length === 1) {
    const found = findSequence(p.parts[0], a, limit, skip, negatedOnly);
    if (found.length === 0) return NO_MATCH;
    const out: PatternMatch[] = [];
    for (const m of found) out.push({ sentence: m.sentence, ranges: [[m.first, m.last]] });
    return out;
  }
  const out: PatternMatch[] = [];
  const perPart: SequenceMatch[][] = [];
  for (const part of p.parts) perPart.push(findSequence(part, a, 20, skip, negatedOnly));
  const used = new Set<number>();
  for (const m of perPart[0]) {
    if (out.length >= limit || used.has(m.sentence)) continue;
    const ranges: Array<[number, number]> = [[m.first, m.last]];
    for (let k = 1; k < perPart.length; k++) {
      let other: SequenceMatch | undefined;
      for (const x of perPart[k]) {
        if (x.sentence === m.sentence) {
          other = x;
          break;
        }
      }
      if (!other) break;
      ranges.push([other.first, other.last]);
    }
    if (ranges.length === perPart.length) {
      used.add(m.sentence);
      out.push({ sentence: m.sentence, ranges });
    }
  }
  return out;
}

/**
 * Inverted index from words to the patterns they can trigger, built once per turn.
 * Screening a reply costs one lookup per distinct word instead of one per pattern.
 */
export class TriggerIndex {
  private readonly byStem = new Map<string, number[]>();
  private readonly bySurface = new Map<string, number[]>();
  /**
   * The same ids by the key slot of the trigger word (slot ids are small and dense): the text
   * analysed last lists its marked slots, so screening it reads one range per distinct word.
   * Slot s's ids are slotIds[slotStart[s], slotStart[s + 1]): one flat array per turn instead of
   * an array per slot, as the screen runs on every reply and was bound by cache misses.
   * Slots made after this index hold none of its triggers.
   */
  private readonly slotStart: Int32Array;
  private readonly slotIds: Int32Array;
  private readonly onNumber: number[] = [];
  private readonly always: number[] = [];
  /** Marks of the live set made last: marks[id] === stamp for its live pattern ids. */
  marks = new Uint32Array(0);
  /** The stamp of the live set made last (LiveSet.has). */
  stamp = 0;
  /** The ids of the live set made last, ascending, in list[0, count): findMatches visits only these. */
  list = new Int32Array(64);
  count = 0;

  constructor(patterns: Iterable<CompiledPattern>) {
    const seen = new Set<number>();
    const bySlot: number[][] = [];
    for (let id = 0; id < nextSlotId; id++) bySlot.push([]);
    for (const p of patterns) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      if (!p.trigger) {
        this.always.push(p.id);
        continue;
      }
      for (const k of p.trigger) {
        if (k.kind === "number") this.onNumber.push(p.id);
        else {
          put(k.kind === "stem" ? this.byStem : this.bySurface, k.value, p.id);
          const ids = bySlot[k.slot!.id];
          if (ids[ids.length - 1] !== p.id) ids.push(p.id);
        }
      }
    }
    this.slotStart = new Int32Array(bySlot.length + 1);
    for (let id = 0; id < bySlot.length; id++) this.slotStart[id + 1] = this.slotStart[id] + bySlot[id].length;
    this.slotIds = Int32Array.from(bySlot.flat());
  }

  live(a: AnalysedText): LiveSet {
    // A mark per pattern id: cheaper to fill and to test than a Set on every reply.
    if (this.marks.length < nextPatternId || this.stamp === 0xffffffff) {
      this.marks = new Uint32Array(nextPatternId + 256);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    this.count = 0;
    this.markAll(this.always, stamp);
    if (a.epoch === slotEpoch) {
      // The text analysed last: its marked slots (token stems, typo aliases, surfaces) are the keys present.
      const slotStart = this.slotStart;
      const slotIds = this.slotIds;
      const slots = slotStart.length - 1;
      for (let k = 0; k < markedCount; k++) {
        const id = markedSlots[k].id;
        if (id < slots) for (let j = slotStart[id]; j < slotStart[id + 1]; j++) this.markOne(slotIds[j], stamp);
      }
    } else {
      for (const t of a.tokens) {
        const byStem = this.byStem.get(t.stem);
        if (byStem) this.markAll(byStem, stamp);
        const bySurface = this.bySurface.get(t.surface);
        if (bySurface) this.markAll(bySurface, stamp);
        if (t.aliases !== null) {
          for (const alias of t.aliases) {
            const more = this.byStem.get(alias);
            if (more) this.markAll(more, stamp);
          }
        }
      }
    }
    if (a.numbers.length > 0) this.markAll(this.onNumber, stamp);
    // Insertion sort: a reply wakes a few dozen patterns at most.
    const list = this.list;
    for (let i = 1; i < this.count; i++) {
      const id = list[i];
      let j = i - 1;
      while (j >= 0 && list[j] > id) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = id;
    }
    return new LiveSet(this.marks, stamp, this);
  }

  /** Marks `ids` live and lists the ones not marked yet. */
  private markAll(ids: readonly number[], stamp: number): void {
    for (let k = 0; k < ids.length; k++) this.markOne(ids[k], stamp);
  }

  /** Marks pattern `id` live and lists it unless it is marked already. */
  private markOne(id: number, stamp: number): void {
    if (this.marks[id] === stamp) return;
    this.marks[id] = stamp;
    if (this.count === this.list.length) {
      const grown = new Int32Array(this.list.length * 2);
      grown.set(this.list);
      this.list = grown;
    }
    this.list[this.count++] = id;
  }
}

/** All matches of an element, minus those inside an exception or cancelled by an `unless` pattern in scope. */
export function findMatches(m: CompiledMatcher, a: AnalysedText, limit = 5, skip = m.skip): PatternMatch[] {
  let found: PatternMatch[] = [];
  const patterns = m.patterns;
  const ids = patterns.length > 0 && a.live !== undefined ? a.live.ids() : null;
  if (ids !== null && m.consecutive) {
    // Visit only the live patterns, in the matcher's order (ids ascend with it): the others cannot match.
    const lo = patterns[0].id;
    const hi = lo + patterns.length;
    const count = a.live!.count;
    for (let k = firstAtLeast(ids, count, lo); k < count && ids[k] < hi; k++) {
      const hits = matchPattern(patterns[ids[k] - lo], a, limit, skip);
      for (let h = 0; h < hits.length; h++) found.push(hits[h]);
      if (found.length >= limit) break;
    }
  } else {
    for (const p of patterns) {
      for (const hit of matchPattern(p, a, limit, skip)) found.push(hit);
      if (found.length >= limit) break;
    }
  }
  if (found.length > 0 && m.exceptions.length > 0) found = withoutExceptions(found, m.exceptions, a);
  if (found.length === 0 || m.unless.length === 0) return found;
  const cancelled = new Set<number>();
  for (const p of m.unless) for (const hit of matchPattern(p, a, 10)) cancelled.add(hit.sentence);
  if (cancelled.size === 0) return found;
  if (m.unlessScope === "reply") return [];
  const reach = m.unlessScope === "nearby" ? 1 : 0;
  const kept: PatternMatch[] = [];
  for (const f of found) {
    let keep = true;
    for (let d = -reach; d <= reach; d++) if (cancelled.has(f.sentence + d)) keep = false;
    if (keep) kept.push(f);
  }
  return kept;
}

/** The first k < count with ids[k] >= id (ids ascending). */
function firstAtLeast(ids: Int32Array, count: number, id: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Matches of the element's affirmative patterns whose words are negated ("tidak gratis" for
 * "gratis"): the reply denies what the element states. Patterns that spell a negator or opt in
 * with `~` never count here.
 */
export function findNegatedMatches(m: CompiledMatcher, a: AnalysedText, limit = 3): PatternMatch[] {
  const found: PatternMatch[] = [];
  for (const p of m.patterns) {
    for (const hit of matchPattern(p, a, limit, m.skip, true)) found.push(hit);
    if (found.length >= limit) break;
  }
  return found;
}

function withoutExceptions(found: PatternMatch[], exceptions: CompiledPattern[], a: AnalysedText): PatternMatch[] {
  const covered: Array<[number, number]> = [];
  for (const p of exceptions) for (const hit of matchPattern(p, a, 10)) for (const r of hit.ranges) covered.push(r);
  if (covered.length === 0) return found;
  const kept: PatternMatch[] = [];
  for (const f of found) {
    let inside = false;
    for (const [first, last] of f.ranges) for (const [from, to] of covered) if (first <= to && last >= from) inside = true;
    if (!inside) kept.push(f);
  }
  return kept;
}

export type EvidenceSpan = { start: number; end: number; text: string };

/** Character spans in the original text for a match, merged and in reading order. */
export function spansOf(matches: PatternMatch[], a: AnalysedText): EvidenceSpan[] {
  const raw: Array<[number, number]> = [];
  for (const m of matches) for (const [first, last] of m.ranges) raw.push([a.tokens[first].start, a.tokens[last].end]);
  return mergeSpans(raw, a.text);
}

export function mergeSpans(raw: Array<[number, number]>, text: string): EvidenceSpan[] {
  sortShort(raw, bySpan);
  const out: EvidenceSpan[] = [];
  for (const [start, end] of raw) {
    const last = out[out.length - 1];
    if (last && start <= last.end) {
      if (end > last.end) {
        last.end = end;
        last.text = text.slice(last.start, end);
      }
    } else out.push({ start, end, text: text.slice(start, end) });
  }
  return out;
}
