import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";
import type { MessageKey } from "~/i18n";

/**
 * Password strength with zxcvbn-ts (offline: the platform must work on closed government
 * networks): the breached-password list, Indonesian words and names, keyboard patterns, dates,
 * repeats and sequences, and the user's own name and e-mail. A password must reach score 3
 * ("safely unguessable: moderate protection from offline slow-hash scenario").
 */
const AGENCY_WORDS = [
  "bismillah",
  "alhamdulillah",
  "assalamualaikum",
  "sayangku",
  "cintaku",
  "rahasia",
  "katasandi",
  "merdeka",
  "garuda",
  "pancasila",
  "disdukcapil",
  "diskominfo",
  "kominfo",
  "pemda",
  "pemkab",
  "pemprov",
  "aparatur",
  "pegawai",
  "operator",
  "humas",
  "pelayanan",
  "rahasiaku",
  "anakku",
  "sukses",
  "berkah",
];

export const MIN_SCORE = 3;

// The dictionaries are megabytes: loaded with the first password check, not at server start.
let factory: Promise<ZxcvbnFactory> | null = null;
function zxcvbn(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-id")]).then(
    ([{ ZxcvbnFactory }, { adjacencyGraphs, dictionary: common }, { dictionary: indonesian }]) =>
      new ZxcvbnFactory({ graphs: adjacencyGraphs, dictionary: { ...common, ...indonesian, "agency-id": AGENCY_WORDS } }),
  );
  return factory;
}

export type PasswordContext = { email?: string | null; name?: string | null };

function personalInputs(context: PasswordContext): string[] {
  const local = context.email?.split("@")[0] ?? "";
  return [local, ...local.split(/[._+-]/), ...(context.name ?? "").split(/\s+/)]
    .map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, ""))
    .filter((p) => p.length >= 3);
}

/** The zxcvbn reading of a password (for tests and the strength hint). */
export async function passwordStrength(password: string, context: PasswordContext = {}): Promise<ZxcvbnResult> {
  return (await zxcvbn()).check(password.slice(0, 128), personalInputs(context));
}

/** The word left after removing the digits and symbols people pad a weak word with ("!!iloveyou!!"). */
function core(password: string): string {
  return password.replace(/^[\d\W_]+/, "").replace(/[\d\W_]+$/, "");
}

/** `error.passwordCommon` / `error.passwordPersonal` when the password is easy to guess, else null. */
export async function commonPasswordError(password: string, context: PasswordContext = {}): Promise<MessageKey | null> {
  const result = await passwordStrength(password, context);
  // Blame the user's own name or e-mail when that is what made it guessable.
  const usesPersonal = result.sequence.some(
    (m) => m.pattern === "dictionary" && (m as { dictionaryName?: string }).dictionaryName === "userInputs" && m.token.length >= 4,
  );
  if (result.score < MIN_SCORE) return usesPersonal ? "error.passwordPersonal" : "error.passwordCommon";
  // zxcvbn credits padding generously: a weak word with a few characters around it is still weak.
  const word = core(password);
  if (word.length >= 4 && word.length < password.length && password.length - word.length < 6 && (await passwordStrength(word, context)).score < MIN_SCORE - 1)
    return "error.passwordCommon";
  // Mostly one's own name or e-mail, with a little around it.
  const squashed = password.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (personalInputs(context).some((p) => p.length >= 4 && squashed.includes(p) && squashed.length - p.length < 6)) return "error.passwordPersonal";
  return null;
}
