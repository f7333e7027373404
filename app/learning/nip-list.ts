/**
 * NIPs pasted into the individual-assignment form: one per line, or separated by commas or
 * semicolons; spaces and dots inside a NIP as printed ("19870101 201001 1 001") are dropped,
 * and what is left must be 18 digits. Duplicates dropped, order kept; the rest is returned
 * as `invalid` so the form can say which entries it did not understand.
 */
export function parseNipList(text: string): { nips: string[]; invalid: string[] } {
  const nips: string[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(/[\n,;]+/)) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const digits = trimmed.replace(/[\s.-]/g, "");
    if (/^\d{18}$/.test(digits)) {
      if (!nips.includes(digits)) nips.push(digits);
    } else invalid.push(trimmed);
  }
  return { nips, invalid };
}
