/**
 * PostgreSQL text and jsonb cannot hold U+0000 ("invalid byte sequence for encoding UTF8: 0x00"),
 * so a NUL pasted into any field or query string failed its query with a 500. A NUL never means
 * anything in a name, a reply or a search, so every text and JSON parameter is sent without it.
 */
const NUL = /\u0000/g;
// In JSON text the NUL is the escape \u0000 (jsonb refuses it as well); "\\u0000" is a literal backslash + "u0000".
const JSON_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

const TEXT_OIDS = [0, 19, 25, 1042, 1043];
const JSON_OIDS = [114, 3802];

export const withoutNul = (value: unknown): string => String(value).replace(NUL, "");
export const jsonWithoutNul = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value)).replace(JSON_NUL, "$1");

/** Parameter serializers by type OID, for PGlite's `serializers` option and postgres.js `options.serializers`. */
export function nulFreeSerializers(): Record<number, (value: unknown) => string> {
  const out: Record<number, (value: unknown) => string> = {};
  for (const oid of TEXT_OIDS) out[oid] = withoutNul;
  for (const oid of JSON_OIDS) out[oid] = jsonWithoutNul;
  return out;
}
