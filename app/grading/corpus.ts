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
  falseFlags: CorpusLine[];
};

export function parseCorpus(text: string): CorpusLine[] {
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
  return gradeReply(corpusExercise(), "t1", text).violations.includes("abusive");
}

export function abusiveCorpusReport(lines: readonly CorpusLine[]): CorpusReport {
  const missed: CorpusLine[] = [];
  const falseFlags: CorpusLine[] = [];
  let abusive = 0;
  let neutral = 0;
  for (const l of lines) {
    const flagged = isFlaggedAbusive(l.text);
    if (l.label === "abusive") {
      abusive++;
      if (!flagged) missed.push(l);
    } else {
      neutral++;
      if (flagged) falseFlags.push(l);
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
