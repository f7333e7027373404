import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeStatusList, encodeStatusList, STATUS_LIST_BITS, statusBit, statusPosition } from "./status-list.server";

describe("bitstring status list", () => {
  it("is 16 KiB of zeros when nothing is set, multibase base64url over GZIP", () => {
    const list = encodeStatusList([]);
    expect(list.startsWith("u")).toBe(true);
    expect(list.slice(1)).toMatch(/^[A-Za-z0-9_-]+$/);
    const raw = gunzipSync(Buffer.from(list.slice(1), "base64url"));
    expect(raw.length).toBe(STATUS_LIST_BITS / 8);
    expect(raw.every((b) => b === 0)).toBe(true);
  });

  it("puts index 0 in the most significant bit of the first byte", () => {
    const bytes = decodeStatusList(encodeStatusList([0, 9, STATUS_LIST_BITS - 1]));
    expect(bytes[0]).toBe(0b1000_0000);
    expect(bytes[1]).toBe(0b0100_0000);
    expect(bytes[bytes.length - 1]).toBe(0b0000_0001);
  });

  it("reads back exactly the bits that were set", () => {
    const set = [3, 8, 1000, 65_537, 131_071];
    const list = encodeStatusList(set);
    for (const i of [0, 1, 2, 3, 4, 7, 8, 9, 999, 1000, 1001, 65_537, 131_070, 131_071]) expect(statusBit(list, i), `bit ${i}`).toBe(set.includes(i));
  });

  it("refuses positions outside the list and foreign encodings", () => {
    expect(() => encodeStatusList([STATUS_LIST_BITS])).toThrow(RangeError);
    expect(() => encodeStatusList([-1])).toThrow(RangeError);
    expect(() => statusBit(encodeStatusList([]), STATUS_LIST_BITS)).toThrow(RangeError);
    expect(() => statusBit("zABC", 0)).toThrow(/multibase/);
  });

  it("maps global indexes onto lists", () => {
    expect(statusPosition(5)).toEqual({ list: 0, index: 5 });
    expect(statusPosition(STATUS_LIST_BITS + 2)).toEqual({ list: 1, index: 2 });
  });
});
