import { describe, expect, it } from "vitest";
import { jsonWithoutNul, withoutNul } from "./pg-text.server";

describe("NUL-free parameters", () => {
  it("drops U+0000 from text", () => {
    expect(withoutNul("ab\u0000cd\u0000")).toBe("abcd");
    expect(withoutNul("tanpa nul")).toBe("tanpa nul");
  });

  it("drops the \\u0000 escape from JSON text but keeps an escaped backslash followed by u0000", () => {
    expect(jsonWithoutNul(JSON.stringify({ reply: "a\u0000b" }))).toBe('{"reply":"ab"}');
    expect(JSON.parse(jsonWithoutNul(JSON.stringify({ path: "C:\\u0000" })))).toEqual({ path: "C:\\u0000" });
    expect(JSON.parse(jsonWithoutNul(JSON.stringify({ x: "\\\u0000" })))).toEqual({ x: "\\" });
    expect(jsonWithoutNul({ n: 1 })).toBe('{"n":1}');
  });
});
