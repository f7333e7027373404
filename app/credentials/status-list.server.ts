/**
 * W3C Bitstring Status List: one bit per credential, bit 0 the most significant bit of the first
 * byte, GZIP-compressed and written as base64url with the multibase prefix "u". Lists are at
 * least 131,072 bits (16 KiB) so a list does not reveal how few credentials it holds.
 */
import { gunzipSync, gzipSync } from "node:zlib";

export const STATUS_LIST_BITS = 131_072;
export type StatusPurpose = "revocation" | "suspension";
export const STATUS_PURPOSES: readonly StatusPurpose[] = ["revocation", "suspension"];

/** Which list and which position in it a global status index falls on. */
export function statusPosition(statusIndex: number): { list: number; index: number } {
  return { list: Math.floor(statusIndex / STATUS_LIST_BITS), index: statusIndex % STATUS_LIST_BITS };
}

/** The encoded list with the given positions set. */
export function encodeStatusList(setPositions: Iterable<number>, bits = STATUS_LIST_BITS): string {
  const bytes = new Uint8Array(Math.ceil(bits / 8));
  for (const i of setPositions) {
    if (!Number.isInteger(i) || i < 0 || i >= bits) throw new RangeError(`status index ${i} outside the list`);
    bytes[i >> 3]! |= 0x80 >> (i & 7);
  }
  return `u${gzipSync(bytes).toString("base64url")}`;
}

/** Reads one bit of an encoded list; throws on a list that is not multibase base64url GZIP. */
export function statusBit(encodedList: string, index: number): boolean {
  const bytes = decodeStatusList(encodedList);
  if (index < 0 || index >= bytes.length * 8) throw new RangeError(`status index ${index} outside the list`);
  return (bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

export function decodeStatusList(encodedList: string): Uint8Array {
  if (!encodedList.startsWith("u")) throw new Error("status list is not multibase base64url");
  return new Uint8Array(gunzipSync(Buffer.from(encodedList.slice(1), "base64url"), { maxOutputLength: 16 * 1024 * 1024 }));
}
