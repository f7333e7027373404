/**
 * Style measurement on a labelled corpus of short public texts (tweets, comments): how many
 * abusive lines the `abusive` check flags (recall) and how many neutral ones it flags by mistake.
 * Each line is graded as a public reply to a neutral message with no rubric, so only the
 * built-in tone checks speak. File format: `abusive<TAB>text` or `neutral<TAB>text`; `#` comments.
 */
import { gradeReply } from "./grade";
import { parseExercise, type Exercise } from "./rubric";

export type CorpusLine = { line: number; label: "abusive" | "neutral"; text: string };
export type CorpusReport = {
  abusive: number;
  neutral: number;
  /** Share of abusive lines flagged `abusive`. */
  recall: number;
  /** Share of neutral lines flagged `abusive`. */
  falseFlagRate: number;
  missed: CorpusLine[];
  /** Each with the words that made the check fire, to group the false flags by cause. */
  falseFlags: Array<CorpusLine & { evidence: string[] }>;
};

/**
 * Also reads the CSV layouts of the public Indonesian tweet corpora for abusive language: a
 * `Label,Tweet` header (1 = not abusive, 2 = abusive, 3 = offensive, which is abusive too) or a
 * header with `Tweet` and `Abusive` columns (1 = abusive, 0 = not). Tweets there carry Python
 * escapes ("\n", "\xf0\x9f\x98\x82" for the bytes of an emoji), decoded here.
 */
export function parseCorpus(text: string): CorpusLine[] {
  const header = text
    .slice(0, text.indexOf("\n") >= 0 ? text.indexOf("\n") : text.length)
    .replace(/^\uFEFF/, "")
    .trim();
  if (/^label,tweet$/i.test(header) || (/(^|,)tweet(,|$)/i.test(header) && /(^|,)abusive(,|$)/i.test(header))) return parseCsvCorpus(text);
  const out: CorpusLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "" || raw.startsWith("#")) return;
    const tab = raw.indexOf("\t");
    const label = tab > 0 ? raw.slice(0, tab).trim() : "";
    if (label !== "abusive" && label !== "neutral") throw new Error(`line ${i + 1}: expected "abusive<TAB>text" or "neutral<TAB>text"`);
    out.push({ line: i + 1, label, text: raw.slice(tab + 1) });
  });
  return out;
}

let neutralExercise: Exercise | null = null;

/** A public comment thread with no rubric: only the built-in checks grade. */
function corpusExercise(): Exercise {
  neutralExercise ??= parseExercise(
    {
      title: "Korpus gaya",
      summary: "Mengukur pemeriksaan nada pada teks publik.",
      minutes: 1,
      kind: "dm",
      objectives: ["Mengukur"],
      channel: "x-reply",
      persona: { name: "Warga" },
      turns: [{ id: "t1", message: "Ada info terbaru soal layanan?", rubric: { required: [], violations: [] }, modelAnswer: "Terima kasih sudah bertanya." }],
    },
    { slug: "korpus-gaya", course: "korpus" },
  );
  return neutralExercise;
}

export function isFlaggedAbusive(text: string): boolean {
  return abusiveEvidence(text) !== null;
}

/** The spans that made the `abusive` check fire (lexicon word, phrase, emoji), or null when it did not. */
export function abusiveEvidence(text: string): string[] | null {
  const hit = gradeReply(corpusExercise(), "t1", text).violated.find((v) => v.id === "abusive");
  return hit ? hit.evidence.map((e) => e.text) : null;
}

/** The built-in violations a public reply with no rubric gets ("abusive", "blame", "shouting", …). */
export function builtinViolations(text: string): string[] {
  return gradeReply(corpusExercise(), "t1", text).violations;
}

export function abusiveCorpusReport(lines: readonly CorpusLine[]): CorpusReport {
  const missed: CorpusLine[] = [];
  const falseFlags: CorpusReport["falseFlags"] = [];
  let abusive = 0;
  let neutral = 0;
  for (const l of lines) {
    const evidence = abusiveEvidence(l.text);
    if (l.label === "abusive") {
      abusive++;
      if (!evidence) missed.push(l);
    } else {
      neutral++;
      if (evidence) falseFlags.push({ ...l, evidence });
    }
  }
  return {
    abusive,
    neutral,
    recall: abusive === 0 ? 1 : (abusive - missed.length) / abusive,
    falseFlagRate: neutral === 0 ? 0 : falseFlags.length / neutral,
    missed,
    falseFlags,
  };
}

/** RFC 4180 rows: quoted fields may hold commas, newlines and doubled quotes. */
function csvRows(text: string): Array<{ line: number; fields: string[] }> {
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      if (fields.some((f) => f !== "")) rows.push({ line: rowLine, fields });
      fields = [];
      field = "";
      line++;
      rowLine = line;
    } else field += c;
  }
  fields.push(field);
  if (fields.some((f) => f !== "")) rows.push({ line: rowLine, fields });
  return rows;
}

/** "\n" → newline, runs of "\xNN" → the UTF-8 characters they encode. */
function unescapeTweet(s: string): string {
  return s
    .replace(/(?:\\x[0-9a-fA-F]{2})+/g, (run) => new TextDecoder().decode(Uint8Array.from(run.split("\\x").slice(1), (h) => parseInt(h, 16))))
    .replace(/\\n/g, "\n")
    .replace(/\\t/g, " ");
}

function parseCsvCorpus(text: string): CorpusLine[] {
  const [head, ...rows] = csvRows(text.replace(/^\uFEFF/, ""));
  const names = head.fields.map((f) => f.trim().toLowerCase());
  const tweet = names.indexOf("tweet");
  const abusive = names.indexOf("abusive");
  const label = names.indexOf("label");
  return rows.map((r) => {
    const value = (abusive >= 0 ? r.fields[abusive] : r.fields[label])?.trim();
    const isAbusive = abusive >= 0 ? value === "1" : value === "2" || value === "3";
    if (abusive >= 0 ? value !== "0" && value !== "1" : value !== "1" && value !== "2" && value !== "3")
      throw new Error(`line ${r.line}: unknown label "${value}"`);
    return { line: r.line, label: isAbusive ? ("abusive" as const) : ("neutral" as const), text: unescapeTweet(r.fields[tweet] ?? "") };
  });
}
