/**
 * Certificate codes: `SGP-XXXX-XXXX-XXXC`, 11 random Crockford base32 symbols
 * (55 bits) plus one check symbol. Pure: no I/O, safe in the browser.
 *
 * The check symbol makes the weighted sum  Σ αⁱ·vᵢ  over GF(32) zero, where vᵢ
 * are the 12 symbol values (data then check) and α is a primitive element of
 * GF(32). Because every weight is non-zero and αʲ ≠ 1 for 0 < j < 31, it catches
 * every single-symbol substitution and every transposition of two symbols
 * (adjacent or not) anywhere in the code, using only the 32 URL-safe symbols.
 * Crockford's own mod-37 check would need `*~$=U`; a plain Σ (i+1)·vᵢ mod 32 misses
 * substitutions at even weights (e.g. weight 2, difference 16).
 */

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PREFIX = "SGP";
const DATA_LENGTH = 11;
const CODE_LENGTH = DATA_LENGTH + 1;

// Crockford decoding: case-insensitive, O reads as 0, I and L as 1. U stays invalid.
const LOOK_ALIKES: Record<string, string> = { O: "0", I: "1", L: "1" };

// GF(32) with the primitive polynomial x⁵ + x² + 1; α = x.
const GF_MODULUS = 0b100101;

function timesAlpha(value: number): number {
  const shifted = value << 1;
  return shifted & 0b100000 ? shifted ^ GF_MODULUS : shifted;
}

// Horner's rule: s ← α·s ⊕ v. This is Damm's scheme with the totally
// anti-symmetric quasigroup x∘y = αx ⊕ y; a valid code ends in s = 0.
function checkState(values: number[]): number {
  return values.reduce((state, value) => timesAlpha(state) ^ value, 0);
}

function checkSymbolFor(data: number[]): number {
  // Final state is α·s ⊕ c; in characteristic 2 it is zero when c = α·s.
  return timesAlpha(checkState(data));
}

function defaultRandom(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

function format(symbols: string): string {
  return `${PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

/** A fresh code with 55 random bits. `random(n)` must return n uniformly random bytes. */
export function generateCertificateCode(random: (n: number) => Uint8Array = defaultRandom): string {
  const bytes = random(DATA_LENGTH);
  if (bytes.length < DATA_LENGTH) throw new Error(`random(${DATA_LENGTH}) returned ${bytes.length} bytes`);
  // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform.
  const data = Array.from(bytes.subarray(0, DATA_LENGTH), (byte) => byte & 31);
  const values = [...data, checkSymbolFor(data)];
  return format(values.map((value) => ALPHABET[value]).join(""));
}

/**
 * Reads what a person typed or pasted: any case, spaces, dashes, dots, an optional
 * `SGP` prefix, O for 0 and I/L for 1. Returns `SGP-XXXX-XXXX-XXXX` or null when the
 * length or alphabet is wrong. Does not verify the check symbol.
 */
export function normaliseCertificateCode(input: string): string | null {
  let symbols = input.toUpperCase().replace(/[\s.\-\u2010-\u2015\u2212]/g, "");
  if (symbols.length === PREFIX.length + CODE_LENGTH && symbols.startsWith(PREFIX)) {
    symbols = symbols.slice(PREFIX.length);
  }
  if (symbols.length !== CODE_LENGTH) return null;
  symbols = symbols.replace(/[OIL]/g, (c) => LOOK_ALIKES[c]);
  if (![...symbols].every((c) => ALPHABET.includes(c))) return null;
  return format(symbols);
}

export function checkCertificateCode(input: string): { ok: true; code: string } | { ok: false; reason: "format" | "checksum" } {
  const code = normaliseCertificateCode(input);
  if (!code) return { ok: false, reason: "format" };
  const values = [...code.slice(PREFIX.length).replaceAll("-", "")].map((c) => ALPHABET.indexOf(c));
  if (checkState(values) !== 0) return { ok: false, reason: "checksum" };
  return { ok: true, code };
}
