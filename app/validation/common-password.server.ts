import { dictionary } from "@zxcvbn-ts/language-common";
import type { MessageKey } from "~/i18n";

/**
 * Offline breached/common-password check. The list is zxcvbn's 49k most common passwords
 * from public breach corpora (no network lookup: the platform must work on closed
 * government networks), plus words Indonesian users reach for. Besides exact matches it
 * catches the usual decorations of a common word: digits, years and symbols around it,
 * letter/number swaps ("p4ssw0rd"), repeated and sequential characters, and the user's own
 * name or e-mail.
 */
const INDONESIAN = [
  "indonesia", "bismillah", "alhamdulillah", "assalamualaikum", "sayangku", "sayang", "cintaku", "cinta",
  "rahasia", "katasandi", "sandi", "merdeka", "garuda", "pancasila", "jakarta", "palembang", "banten",
  "bandung", "surabaya", "semarang", "disdukcapil", "diskominfo", "kominfo", "pemda", "pemkab", "pemprov",
  "sigap", "aparatur", "pegawai", "admin", "administrator", "operator", "humas", "pelayanan", "selamat",
  "masuk", "rahasiaku", "bunda", "ayah", "mama", "papa", "anakku", "keluarga", "sukses", "berkah",
];

let words: Set<string> | null = null;
function commonWords(): Set<string> {
  words ??= new Set([...(dictionary["passwords-common"] as string[]), ...INDONESIAN].map((w) => w.toLowerCase()));
  return words;
}

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "!": "i" };
const SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

/** The word left after removing digits, years and symbols a user adds around it. */
function core(password: string): string {
  return password.toLowerCase().replace(/^[\d\W_]+/, "").replace(/[\d\W_]+$/, "");
}

function isRepetitive(password: string): boolean {
  const p = password.toLowerCase();
  if (new Set(p).size <= 2) return true;
  // A short block repeated ("abcabcabcabc", "12341234").
  for (let n = 1; n <= p.length / 2; n++) if (p.length % n === 0 && p.slice(0, n).repeat(p.length / n) === p) return true;
  return SEQUENCES.some((s) => s.includes(p) || [...s].reverse().join("").includes(p));
}

export type PasswordContext = { email?: string | null; name?: string | null };

/** `error.passwordCommon` / `error.passwordPersonal` when the password is easy to guess, else null. */
export function commonPasswordError(password: string, context: PasswordContext = {}): MessageKey | null {
  const lower = password.toLowerCase();
  const list = commonWords();
  const unleet = [...lower].map((c) => LEET[c] ?? c).join("");
  const candidates = [lower, core(lower), unleet, core(unleet)].filter((c) => c.length >= 4);
  if (candidates.some((c) => list.has(c)) || isRepetitive(password)) return "error.passwordCommon";

  const personal = [context.email?.split("@")[0], ...(context.name ?? "").split(/\s+/)]
    .map((p) => (p ?? "").toLowerCase().replace(/[^a-z0-9]/g, ""))
    .filter((p) => p.length >= 4);
  const squashed = [lower, unleet].map((v) => v.replace(/[^a-z0-9]/g, ""));
  const tooClose = (p: string) => squashed.some((s) => s.includes(p) && s.length - p.length < 6);
  if (personal.some(tooClose)) return "error.passwordPersonal";
  return null;
}
