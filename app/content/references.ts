/**
 * Regulations a content file cites, in one short form ("UU 14/2008", "PermenPAN-RB 83/2012",
 * "Putusan MK 105/PUU-XXII/2024"), so content:check can require every citation to be listed in
 * the file's `references` and the curriculum can print the course's legal basis. Pure, no I/O.
 */

/** Short form per kind, in the order a curriculum lists them (statutes before regulations, court last). */
export const REGULATION_KINDS = ["UU", "PP", "Perpres", "PermenPAN-RB", "Putusan MK"] as const;

const SHORT_NAMES: Record<string, (typeof REGULATION_KINDS)[number]> = {
  uu: "UU",
  "undang-undang": "UU",
  pp: "PP",
  "peraturan pemerintah": "PP",
  perpres: "Perpres",
  "peraturan presiden": "Perpres",
  "permenpan-rb": "PermenPAN-RB",
  permenpanrb: "PermenPAN-RB",
  "peraturan menteri panrb": "PermenPAN-RB",
  "peraturan menteri pan-rb": "PermenPAN-RB",
};

// "UU 14/2008", "UU No. 27 Tahun 2022", "Undang-Undang Nomor 14 Tahun 2008", "Peraturan Menteri PANRB Nomor 83 Tahun 2012".
const NUMBERED =
  /\b(UU|Undang-Undang|PP|Peraturan Pemerintah|Perpres|Peraturan Presiden|PermenPAN-?RB|Peraturan Menteri PAN-?RB)\s+(?:No\.?\s*|Nomor\s+)?(\d+)\s*(?:\/\s*|\s+Tahun\s+)(\d{4})\b/g;
// "Putusan MK 105/PUU-XXII/2024", "MK Nomor 105/PUU-XXII/2024".
const COURT = /\bMK\s+(?:No\.?\s*|Nomor\s+)?(\d+\/PUU-[IVXLC]+\/\d{4})\b/g;

/** Every regulation cited in `text`, as short keys, in order of first appearance, without repeats. */
export function citedRegulations(text: string): string[] {
  const found: { index: number; key: string }[] = [];
  for (const m of text.matchAll(NUMBERED)) {
    const kind = SHORT_NAMES[m[1]!.toLowerCase()];
    if (kind) found.push({ index: m.index!, key: `${kind} ${m[2]}/${m[3]}` });
  }
  for (const m of text.matchAll(COURT)) found.push({ index: m.index!, key: `Putusan MK ${m[1]}` });
  found.sort((a, b) => a.index - b.index);
  return [...new Set(found.map((f) => f.key))];
}

/** The key a `references` entry stands for: the first regulation it names, else the whole entry. */
export function referenceKey(entry: string): string {
  return citedRegulations(entry)[0] ?? entry.trim();
}

/** Orders references as a curriculum lists them: by kind, then year, then number; other entries last, by text. */
export function compareReferenceKeys(a: string, b: string): number {
  const rank = (key: string) => {
    const m = key.match(/^(.+?) (\d+)\/(?:PUU-[IVXLC]+\/)?(\d{4})$/);
    const kind = m ? REGULATION_KINDS.indexOf(m[1] as (typeof REGULATION_KINDS)[number]) : -1;
    return kind < 0 ? null : { kind, number: Number(m![2]), year: Number(m![3]) };
  };
  const ra = rank(a);
  const rb = rank(b);
  if (ra && rb) return ra.kind - rb.kind || ra.year - rb.year || ra.number - rb.number;
  if (ra) return -1;
  if (rb) return 1;
  return a.localeCompare(b, "id");
}
