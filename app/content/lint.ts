import type { Quiz } from "./schema";

/**
 * Content lint rules that need no files: quiz items that can be answered without reading the
 * course (the key is the longest option, every option but one is right), final-quiz banks
 * too small for their draw, topics that name no lesson, and numbers that look like a real
 * person's NIK, phone or bank account. Pure: content:check maps the findings to file:line.
 */

export type Finding = { path: (string | number)[]; message: string; severity: "error" | "warning" };

const longestIsKey = (q: Quiz["questions"][number]) => {
  const key = q.options.find((o) => o.correct);
  if (!key) return false;
  return q.options.every((o) => o === key || o.text.trim().length < key.text.trim().length);
};

/**
 * Lint one quiz at `quizzes[quizIndex]`. `final` = the quiz of a `kind: quiz` lesson, which is
 * a bank drawn per attempt (issue 13): it needs `draw`, at least twice as many items as it
 * draws, and a lesson slug as `topic` on every item.
 */
export function lintQuiz(quiz: Quiz, quizIndex: number, opts: { final: boolean; lessonSlugs: Set<string> }): Finding[] {
  const out: Finding[] = [];
  const at = (...rest: (string | number)[]) => ["quizzes", quizIndex, ...rest];
  const singles = quiz.questions.filter((q) => q.type === "single" && q.options.length >= 3);
  const longest = singles.filter(longestIsKey);
  if (singles.length >= 2 && longest.length * 2 > singles.length) {
    out.push({
      path: at("questions"),
      severity: "warning",
      message: `kuis ${quiz.id}: jawaban benar selalu opsi terpanjang pada ${longest.length} dari ${singles.length} soal pilihan tunggal (${longest.map((q) => q.id).join(", ")}); peserta bisa menebak dari panjangnya, jadi variasikan panjang opsi`,
    });
  }
  quiz.questions.forEach((q, i) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (q.type === "multiple" && q.options.length >= 3 && correct === q.options.length - 1) {
      out.push({
        path: at("questions", i),
        severity: "warning",
        message: `soal ${q.id}: semua opsi kecuali satu benar (${correct} dari ${q.options.length}); peserta bisa lulus hanya dengan mencari opsi yang berbeda`,
      });
    }
    if (q.topic && !opts.lessonSlugs.has(q.topic)) {
      out.push({ path: at("questions", i, "topic"), severity: "error", message: `soal ${q.id}: topic "${q.topic}" bukan slug pelajaran di kursus ini` });
    }
    if (opts.final && !q.topic) {
      out.push({ path: at("questions", i), severity: "warning", message: `soal ${q.id}: soal kuis akhir perlu topic: <slug pelajaran> agar percobaan yang gagal bisa menyebut pelajaran yang perlu diulang` });
    }
  });
  if (opts.final) {
    if (quiz.draw === undefined) {
      out.push({ path: at("id"), severity: "warning", message: `kuis akhir ${quiz.id} tidak punya draw: setiap percobaan menampilkan soal yang sama; jadikan bank soal (draw: 12 dari minimal 24 soal)` });
    } else if (quiz.questions.length < 2 * quiz.draw) {
      out.push({ path: at("draw"), severity: "error", message: `kuis akhir ${quiz.id}: bank ${quiz.questions.length} soal lebih kecil dari 2 × draw (${2 * quiz.draw})` });
    }
  }
  return out;
}

export type NumberFinding = { index: number; length: number; message: string };

const NIK_LIKE = /(?<![\p{L}\p{N}])\d[\d*xX]{15}(?![\p{L}\p{N}*])/gu;
const MOBILE = /(?<![\p{L}\p{N}+])(?:\+62[\s-]?|62[\s-]?|0)8\d{1,2}[\s.-]?[\dxX]{3,4}[\s.-]?[\dxX]{3,5}(?![\p{L}\p{N}])/gu;
const BANK = /\b(?:BRI|BNI|BCA|BSI|BTN|Mandiri|CIMB(?: Niaga)?|Danamon|Permata|Bank Sumsel(?: Babel)?|rekening|norek|no\.? ?rek)\b([^\n\d]{0,25}?)(\d[\d .-]*\d)/giu;

/**
 * Numbers in content text that look real (content/README.md, DUNIA.md §7): a 16-digit NIK/KK
 * not starting 99 or 1234 (also partly masked), a mobile number not of the fictional form
 * 0812-0000-xxxx, a bank account of 8 or more unmasked digits.
 */
export function findRealLookingNumbers(text: string): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const m of text.matchAll(NIK_LIKE)) {
    const digits = m[0].replace(/[^\d]/g, "");
    if (digits.length < 6) continue;
    if (m[0].startsWith("99") || m[0].startsWith("1234")) continue;
    out.push({ index: m.index!, length: m[0].length, message: `"${m[0]}" tampak seperti NIK/nomor KK sungguhan: NIK fiktif berawalan 99 (atau pakai 1234567890123456)` });
  }
  for (const m of text.matchAll(MOBILE)) {
    const normal = m[0].replace(/[^\dxX]/g, "").replace(/^62/, "0");
    if (/^08120000\d{4}$/.test(normal)) continue;
    out.push({ index: m.index!, length: m[0].length, message: `"${m[0]}" tampak seperti nomor HP sungguhan: pakai bentuk fiktif 0812-0000-xxxx` });
  }
  for (const m of text.matchAll(BANK)) {
    const gap = m[1] ?? "";
    const number = m[2]!;
    if (/rp\.?\s*$/i.test(gap)) continue; // an amount, not an account
    if (/^(?:\+?62|0)8/.test(number)) continue; // a phone number, judged above
    if (number.replace(/\D/g, "").length < 8) continue;
    if (/[xX*]/.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 1))) continue; // masked right after, e.g. 7730xxxxxx
    const index = m.index! + m[0].length - number.length;
    out.push({ index, length: number.length, message: `"${number}" tampak seperti nomor rekening sungguhan: samarkan, mis. 0123-xx-xxxxxx-50-1` });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}
