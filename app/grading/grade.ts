/**
 * Grades one learner reply against one turn of a DM exercise.
 * Pass = every required element met, no violation, and score ≥ passPercent.
 * Score = weighted share of required elements met, minus a penalty per violation.
 */
import {
  BUILTIN_TEXT,
  builtinChecks,
  citizenDataOf,
  hasAstral,
  INTEGRITY_IDS,
  isBuiltinId,
  type BuiltinCheck,
  type BuiltinContext,
  type BuiltinId,
  type CitizenData,
  type Severity,
} from "./builtins";
import { turnProfile, type TurnProfile } from "./integrity";
import { elapsedWaits, factClaims, type FactClaim } from "./facts";
import { mentionedInsultsToReader } from "./lexicon";
import {
  analyse,
  compileMatcher,
  findMatches,
  findNegatedMatches,
  FuzzyIndex,
  mergeSpans,
  patternsOf,
  spansOf,
  TriggerIndex,
  vocabularyOf,
  type AnalysedText,
  type CompiledMatcher,
  type EvidenceSpan,
  type PatternMatch,
} from "./match";
import { analysedStem, QUESTION, QUOTED, WordMemo } from "./normalise";
import { PUBLIC_CHANNELS, type Exercise, type Turn } from "./rubric";
import { GRADER_VERSION } from "./version";

export type { EvidenceSpan } from "./match";

export type ElementStatus = "met" | "missed" | "violated";

export type ElementResult = {
  id: string;
  label: string;
  tip: string;
  kind: "required" | "violation";
  status: ElementStatus;
  /** True for the checks every exercise runs (abusive, pii-public, …). */
  builtin: boolean;
  weight?: number;
  severity?: Severity;
  /** Where in the learner's ORIGINAL text the element was found (empty when missed). */
  evidence: EvidenceSpan[];
  /** What exactly is wrong, one line per evidence span (fact-wrong: "Fakta keliru: … menurut konteks …"). */
  messages?: string[];
};

export type TurnGrade = {
  exercise: string;
  turnId: string;
  score: number;
  passed: boolean;
  passPercent: number;
  met: ElementResult[];
  missed: ElementResult[];
  violated: ElementResult[];
  /** Ids only, as in the batch output. */
  missing: string[];
  violations: string[];
  /** Where the conversation goes next; null when this was the last turn. */
  nextTurnId: string | null;
  graderVersion: string;
  /** Changes when the turn's rubric changes, so old grades can be recognised. */
  rubricHash: string;
  /**
   * Why a person should look at this grade, sorted, empty when the grader is sure:
   * "low-similarity" (unlike the turn's model answer and examples), "integrity:<id>" (an
   * integrity check fired: copy, gaming, keyword-list, curt, language, contradiction, or
   * question-or-quote when a required element was only asked about or quoted),
   * "fact-unresolved" (a claim the exercise's facts cannot settle), "tone:laughter",
   * "tone:insult-mentioned" (an insult word only mentioned, but put before the citizen).
   */
  review: string[];
  /** Remarks that cost no points (e.g. laughter in a formal reply), each with its evidence. */
  notes: GradeNote[];
  /** What the reply claims per fact slot and how it compares with the exercise's facts (empty without facts). */
  facts: FactClaim[];
};

export type GradeNote = { id: string; message: string; evidence: EvidenceSpan[] };

export const PENALTY: Record<Severity, number> = { major: 40, minor: 15 };

/** Replies are analysed up to this length; anything longer is already a `too-long` violation. */
const MAX_ANALYSED_CHARS = 20_000;
const EVIDENCE_LIMIT = 5;
const NO_MATCHES: never[] = [];

type CompiledElement = {
  id: string;
  label: string;
  tip: string;
  builtin: boolean;
  weight: number;
  severity: Severity;
  matcher: CompiledMatcher | null;
  checks: BuiltinCheck[];
  /** Stems the element's patterns use: a denial can only contradict it if one of them is negated. */
  vocab?: ReadonlySet<string>;
};

type CompiledTurn = {
  turn: Turn;
  required: CompiledElement[];
  violations: CompiledElement[];
  triggers: TriggerIndex;
  rubricHash: string;
  profile: TurnProfile;
  /** How long the citizen says they have waited already (days): naming it back is no promise. */
  waited: number[];
  /** Content stems of the model answer, passing examples and the citizen's message: what a good reply talks about. */
  reference: ReadonlySet<string>;
  skip: ReadonlySet<string>;
};

type CompiledExercise = { turns: Map<string, CompiledTurn>; fuzzy: FuzzyIndex; citizen: CitizenData; isPublic: boolean };

// Exercises are immutable once loaded; compile each one once.
const compiledCache = new WeakMap<Exercise, CompiledExercise>();

function compiled(exercise: Exercise): CompiledExercise {
  let c = compiledCache.get(exercise);
  if (!c) {
    c = compileExercise(exercise);
    compiledCache.set(exercise, c);
  }
  return c;
}

function compileExercise(exercise: Exercise): CompiledExercise {
  const isPublic = PUBLIC_CHANNELS.has(exercise.channel);
  const checks = builtinChecks().filter((c) => c.channels === "all" || (c.channels === "public") === isPublic);
  const turns = new Map<string, CompiledTurn>();
  const requiredVocabulary: string[] = [];
  for (const turn of exercise.turns) {
    const required = turn.rubric.required.map((r): CompiledElement => {
      // A required element must be stated: not only asked about ("Apakah perlu KK?") or quoted.
      const matcher = compileMatcher(r.patterns, r.unless, r.unlessScope, [], QUESTION | QUOTED);
      const vocab = new Set<string>();
      matcher.patterns.forEach((p) => vocabularyOf(p).forEach((w) => (requiredVocabulary.push(w), vocab.add(w))));
      return { id: r.id, label: r.label, tip: r.tip, builtin: false, weight: r.weight, severity: "major", matcher, checks: [], vocab };
    });
    const violations = turn.rubric.violations.map((v): CompiledElement => ({
      id: v.id,
      label: v.label,
      tip: v.tip,
      builtin: isBuiltinId(v.id),
      weight: 0,
      severity: v.severity,
      // Quoting a hoax to deny it is not stating it.
      matcher: v.patterns.length > 0 ? compileMatcher(v.patterns, v.unless, v.unlessScope, [], QUOTED) : null,
      checks: checks.filter((c) => c.id === v.id && !turn.rubric.skipBuiltins.includes(c.id)),
    }));
    const own = new Set(violations.map((v) => v.id));
    for (const c of checks) {
      if (own.has(c.id) || turn.rubric.skipBuiltins.includes(c.id)) continue;
      const existing = violations.find((v) => v.id === c.id && v.builtin);
      if (existing) existing.checks.push(c);
      else {
        const t = BUILTIN_TEXT[c.id];
        violations.push({ id: c.id, label: t.label, tip: t.tip, builtin: true, weight: 0, severity: t.severity, matcher: null, checks: [c] });
      }
    }
    const matchers = [...required, ...violations].flatMap((el) => [el.matcher, ...el.checks.map((c) => c.matcher)]);
    const patterns = matchers.flatMap((m) => (m ? patternsOf(m) : []));
    const references = [turn.modelAnswer, turn.message, ...exercise.examples.filter((e) => e.turn === turn.id && e.pass).map((e) => e.reply)];
    const reference = contentStems(analyse(references.join("\n")));
    turns.set(turn.id, {
      turn,
      required,
      violations,
      triggers: new TriggerIndex(patterns),
      rubricHash: hash(JSON.stringify(turn.rubric)),
      profile: turnProfile(turn.message, required.length, exercise.facts?.languages ?? [], exercise.persona.name),
      waited: exercise.facts ? elapsedWaits(turn.message) : [],
      reference,
      skip: new Set(turn.rubric.skipBuiltins),
    });
  }
  // Typo tolerance only widens required elements: violations stay exact to protect precision.
  return {
    turns,
    fuzzy: new FuzzyIndex(requiredVocabulary),
    citizen: citizenDataOf(
      exercise.turns.map((t) => t.message),
      exercise.facts?.contacts ?? [],
    ),
    isPublic,
  };
}

export type GradeOptions = {
  /** Turn ids already answered in this attempt, in order; reserved for path-aware rubrics. */
  history?: readonly string[];
};

/** Grades `reply` for turn `turnId` of `exercise`. Pure and deterministic. */
export function gradeReply(exercise: Exercise, turnId: string, reply: string, _opts: GradeOptions = {}): TurnGrade {
  const ce = compiled(exercise);
  const ct = ce.turns.get(turnId);
  if (!ct) throw new Error(`latihan "${exercise.slug}" tidak punya giliran "${turnId}"`);
  const text = reply.length > MAX_ANALYSED_CHARS ? reply.slice(0, MAX_ANALYSED_CHARS) : reply;
  const analysed = analyse(text, ce.fuzzy);
  analysed.live = ct.triggers.live(analysed);
  const empty = analysed.tokens.length === 0;

  // Hot path: plain loops, no closures.
  const met: ElementResult[] = [];
  const missed: ElementResult[] = [];
  let totalWeight = 0;
  let metWeight = 0;
  let negated: Set<string> | null = null;
  let modes = false;
  for (const t of analysed.tokens) {
    if (t.negated) (negated ??= new Set()).add(t.stem);
    if (t.mode !== 0) modes = true;
  }
  const contradictions: Array<[number, number]> = [];
  const review = new Set<string>();
  for (const el of ct.required) {
    const matches = empty || !el.matcher ? NO_MATCHES : findMatches(el.matcher, analysed, 3);
    totalWeight += el.weight;
    if (matches.length > 0) {
      metWeight += el.weight;
      met.push(elementResult(el, "required", "met", spansOf(matches, analysed)));
      if (negated && el.matcher && el.vocab && deniesAny(negated, el.vocab)) contradictionsOf(el.matcher, matches, analysed, contradictions);
    } else {
      missed.push(elementResult(el, "required", "missed", []));
      // Said only in a question or a quote: not met, but a person may want to look.
      if (modes && el.matcher && findMatches(el.matcher, analysed, 1, 0).length > 0) review.add("integrity:question-or-quote");
    }
  }

  const violated: ElementResult[] = [];
  const ctx: BuiltinContext = { text, length: reply.length, analysed, citizen: ce.citizen, profile: ct.profile };
  let penalty = 0;
  for (const el of ct.violations) {
    const evidence = violationEvidence(el, analysed, ctx, empty);
    if (evidence) {
      violated.push(elementResult(el, "violation", "violated", evidence));
      penalty += PENALTY[el.severity];
    }
  }

  if (contradictions.length > 0 && !ct.skip.has("contradiction")) {
    violated.push(builtinResult("contradiction", mergeSpans(contradictions, analysed.text).slice(0, EVIDENCE_LIMIT)));
    penalty += PENALTY[BUILTIN_TEXT.contradiction.severity];
  }
  const claims = exercise.facts && !empty ? factClaims(exercise.facts, analysed, ct.waited) : [];
  if (claims.length > 0) {
    const wrong = claims.filter((c) => c.verdict === "contradicts");
    if (wrong.length > 0 && !ct.skip.has("fact-wrong")) {
      violated.push({
        ...builtinResult(
          "fact-wrong",
          wrong.slice(0, EVIDENCE_LIMIT).map((c) => c.evidence),
        ),
        messages: wrong.slice(0, EVIDENCE_LIMIT).map((c) => c.message ?? ""),
      });
      penalty += PENALTY[BUILTIN_TEXT["fact-wrong"].severity];
    }
    if (claims.some((c) => c.verdict === "unresolved")) review.add("fact-unresolved");
  }
  for (const v of violated) if (v.builtin && INTEGRITY_IDS.has(v.id as BuiltinId)) review.add(`integrity:${v.id}`);
  const notes = notesOf(analysed, ce.isPublic);
  if (ce.isPublic && notes.length > 0) for (const n of notes) review.add(n.id);
  if (!empty && analysed.tokens.length >= 5 && similarity(analysed, ct) < LOW_SIMILARITY) review.add("low-similarity");

  const base = totalWeight > 0 ? (100 * metWeight) / totalWeight : 100;
  const score = empty ? 0 : Math.max(0, Math.min(100, Math.round(base - penalty)));
  const passed = missed.length === 0 && violated.length === 0 && score >= exercise.passPercent;
  const missing: string[] = [];
  for (const m of missed) missing.push(m.id);
  const violations: string[] = [];
  for (const v of violated) violations.push(v.id);

  const grade: TurnGrade = {
    exercise: exercise.slug,
    turnId,
    score,
    passed,
    passPercent: exercise.passPercent,
    met,
    missed,
    violated,
    missing,
    violations,
    nextTurnId: null,
    graderVersion: GRADER_VERSION,
    rubricHash: ct.rubricHash,
    review: [...review].sort(),
    notes,
    facts: claims,
  };
  grade.nextTurnId = nextTurn(exercise, turnId, grade);
  return grade;
}

function violationEvidence(el: CompiledElement, analysed: AnalysedText, ctx: BuiltinContext, empty: boolean): EvidenceSpan[] | null {
  let hit = false;
  const ranges: Array<[number, number]> = [];
  for (let i = -1; i < el.checks.length; i++) {
    const check = i < 0 ? null : el.checks[i];
    if (empty && check?.id !== "empty") continue;
    const matcher = check ? check.matcher : el.matcher;
    if (matcher) {
      const matches = findMatches(matcher, analysed, EVIDENCE_LIMIT);
      if (matches.length > 0) {
        hit = true;
        for (const s of spansOf(matches, analysed)) ranges.push([s.start, s.end]);
      }
    }
    const found = check?.detect ? check.detect(ctx) : null;
    if (found) {
      hit = true;
      for (const r of found) ranges.push(r);
    }
  }
  return hit ? mergeSpans(ranges, analysed.text).slice(0, EVIDENCE_LIMIT) : null;
}

function deniesAny(negated: ReadonlySet<string>, vocab: ReadonlySet<string>): boolean {
  for (const s of negated) if (vocab.has(s)) return true;
  return false;
}

function builtinResult(id: BuiltinId, evidence: EvidenceSpan[]): ElementResult {
  const t = BUILTIN_TEXT[id];
  return { id, label: t.label, tip: t.tip, kind: "violation", status: "violated", builtin: true, severity: t.severity, evidence };
}

/**
 * "Gratis" in one sentence and "tidak gratis" in another: the same words of an element, affirmed
 * and denied. The denied match must cover every stem of an affirmed one, so "tidak perlu datang ke
 * kantor Disdukcapil, cukup datang ke kecamatan" is no contradiction.
 */
function contradictionsOf(m: CompiledMatcher, affirmed: PatternMatch[], a: AnalysedText, out: Array<[number, number]>): void {
  const denied = findNegatedMatches(m, a);
  if (denied.length === 0) return;
  const stemsOf = (p: PatternMatch) => {
    const s = new Set<string>();
    for (const [from, to] of p.ranges) for (let i = from; i <= to; i++) if (!a.tokens[i].negated || true) s.add(a.tokens[i].stem);
    return s;
  };
  for (const d of denied) {
    const ds = stemsOf(d);
    for (const p of affirmed) {
      if (p.sentence === d.sentence) continue;
      let covered = true;
      for (const st of stemsOf(p)) if (!ds.has(st)) covered = false;
      if (covered) {
        for (const r of [...p.ranges, ...d.ranges]) out.push([a.tokens[r[0]].start, a.tokens[r[1]].end]);
        return;
      }
    }
  }
}

const LOW_SIMILARITY = 0.3;
// Words every reply uses; similarity is about what the reply talks about.
const COMMON_STEMS = new Set(
  "di ke dari yang dan untuk dengan ini itu ya bisa sudah akan kami saya kita tidak bukan belum jangan perlu harus ada juga saja atau karena agar jika kalau pada dalam oleh kakak bapak ibu anda mohon terima kasih silakan maaf selamat halo nya kok sih dong".split(
    " ",
  ),
);

function contentStems(a: AnalysedText): Set<string> {
  const out = new Set<string>();
  for (const t of a.tokens) if (!t.isNumber && t.stem.length > 2 && !COMMON_STEMS.has(t.stem)) out.add(t.stem);
  return out;
}

/** Share of the reply's content words that a model answer, a passing example or the citizen's message also uses. */
function similarity(a: AnalysedText, ct: CompiledTurn): number {
  // The distinct stems and typo aliases of the reply (the keys of a.stems), read from the tokens: no position map to build.
  const seen = new Set<string>();
  let shared = 0;
  for (const t of a.tokens) {
    // Whether a token's stem is a content stem is known per word; only `seen` is per reply.
    if (isContentWord.of(t.lex) === 1 && !seen.has(t.stem)) {
      seen.add(t.stem);
      if (ct.reference.has(t.stem)) shared++;
    }
    if (t.aliases !== null) for (const alias of t.aliases) shared += sharedContentStem(alias, seen, ct.reference);
  }
  return seen.size === 0 ? 1 : shared / seen.size;
}

/** Whether similarity counts a stem: long enough, not a number, not a word every reply uses. */
function isContentStem(stem: string): boolean {
  const first = stem.charCodeAt(0);
  return !(stem.length <= 2 || (first >= 48 && first <= 57) || COMMON_STEMS.has(stem));
}

const isContentWord = new WordMemo((lx) => (isContentStem(analysedStem(lx)) ? 1 : 0));

/** Counts a content stem once in `seen`; 1 when the reference uses it too. */
function sharedContentStem(stem: string, seen: Set<string>, reference: ReadonlySet<string>): number {
  if (!isContentStem(stem) || seen.has(stem)) return 0;
  seen.add(stem);
  return reference.has(stem) ? 1 : 0;
}

const LAUGHING_FACE = /[\u{1F602}\u{1F923}\u{1F606}]/gu;

function notesOf(a: AnalysedText, isPublic: boolean): GradeNote[] {
  const spans: Array<[number, number]> = [];
  for (const t of a.tokens) if (t.surface === "haha" || t.surface === "hehe") spans.push([t.start, t.end]);
  if (hasAstral(a.text)) {
    LAUGHING_FACE.lastIndex = 0;
    for (let m = LAUGHING_FACE.exec(a.text); m; m = LAUGHING_FACE.exec(a.text)) spans.push([m.index, m.index + m[0].length]);
  }
  const notes: GradeNote[] = [];
  if (spans.length > 0) {
    const message = isPublic
      ? "Tawa (wkwk, haha) di balasan publik instansi terkesan tidak serius; tulis dengan nada formal."
      : "Tawa (wkwk, haha) bisa terbaca meremehkan; pakai seperlunya.";
    notes.push({ id: "tone:laughter", message, evidence: mergeSpans(spans, a.text).slice(0, EVIDENCE_LIMIT) });
  }
  // "Kakak jangan pakai kata 'goblok' ya": the word is only mentioned, but it is put before the citizen.
  const mentioned = mentionedInsultsToReader(a);
  if (mentioned.length > 0)
    notes.push({
      id: "tone:insult-mentioned",
      message: "Kata kasar hanya disebut, bukan dipakai untuk memaki, tetapi tetap tertuju ke warga; sebaiknya tidak diulang dalam balasan.",
      evidence: mergeSpans(mentioned, a.text).slice(0, EVIDENCE_LIMIT),
    });
  return notes;
}

function elementResult(el: CompiledElement, kind: "required" | "violation", status: ElementStatus, evidence: EvidenceSpan[]): ElementResult {
  return kind === "required"
    ? { id: el.id, label: el.label, tip: el.tip, kind, status, builtin: el.builtin, weight: el.weight, evidence }
    : { id: el.id, label: el.label, tip: el.tip, kind, status, builtin: el.builtin, severity: el.severity, evidence };
}

/** The turn that follows `turnId` given its grade: first branch whose `when` holds; null = end. */
export function nextTurn(exercise: Exercise, turnId: string, grade: Pick<TurnGrade, "met" | "missed" | "violated" | "passed">): string | null {
  const turn = exercise.turns.find((t) => t.id === turnId);
  if (!turn?.next) return null;
  for (const branch of turn.next) {
    const w = branch.when;
    if (
      !w ||
      (allIn(w.met, grade.met) && allIn(w.missed, grade.missed) && allIn(w.violated, grade.violated) && (w.passed === undefined || w.passed === grade.passed))
    ) {
      return branch.goto;
    }
  }
  return null;
}

function allIn(ids: readonly string[] | undefined, results: readonly ElementResult[]): boolean {
  if (!ids) return true;
  for (const id of ids) {
    let found = false;
    for (const r of results) if (r.id === id) found = true;
    if (!found) return false;
  }
  return true;
}

/**
 * What the grader thinks `reply` claims per fact slot (documents, amounts, durations, days and
 * times, places, authority, unverified claims, certainty), each with its verdict against the
 * exercise's facts: the same reading as `TurnGrade.facts`, for authoring tools (the rubric
 * playground, `content:check --facts`, `npm run grade -- --explain`). Empty without facts.
 */
export function readFacts(exercise: Exercise, reply: string, turnId?: string): FactClaim[] {
  if (!exercise.facts) return [];
  const text = reply.length > MAX_ANALYSED_CHARS ? reply.slice(0, MAX_ANALYSED_CHARS) : reply;
  const ce = compiled(exercise);
  return factClaims(exercise.facts, analyse(text, ce.fuzzy), (turnId && ce.turns.get(turnId)?.waited) || []);
}

/** 1-based turn number (as in the batch format) → turn id. */
export function turnIdAt(exercise: Exercise, turnNumber: number): string | undefined {
  return exercise.turns[turnNumber - 1]?.id;
}

// FNV-1a, enough to notice that a rubric changed.
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
