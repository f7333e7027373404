import { describe, expect, it } from "vitest";
import { en } from "./en";
import { id } from "./id";
import { isMessageKey, parseLang, translator } from "./index";

describe("i18n", () => {
  it("has an English string for every Indonesian key and none extra", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, value] of Object.entries(en)) expect(value, key).not.toBe("");
  });

  it("fills placeholders and defaults to Indonesian", () => {
    expect(translator("id")("home.welcome", { name: "Rina" })).toBe("Selamat datang, Rina");
    expect(translator("en", en)("home.welcome", { name: "Rina" })).toBe("Welcome, Rina");
    expect(translator("en")("home.welcome", { name: "Rina" })).toBe("Selamat datang, Rina");
    expect(parseLang("fr")).toBe("id");
    expect(parseLang("en")).toBe("en");
  });

  it("knows its own keys and nothing inherited from Object.prototype", () => {
    expect(isMessageKey("home.welcome")).toBe(true);
    expect(isMessageKey("admin.invalidChoice")).toBe(true); // merged in from id.admin.ts
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "nope.key", ""]) expect(isMessageKey(name), name).toBe(false);
    expect(isMessageKey(42)).toBe(false);
  });
});
