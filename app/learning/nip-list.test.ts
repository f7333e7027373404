import { describe, expect, it } from "vitest";
import { parseNipList } from "./nip-list";

describe("parseNipList", () => {
  it("reads NIPs one per line or separated by commas, with the spaces of a printed NIP", () => {
    expect(parseNipList("198701012010011001\n198702022010012002, 19870303 201001 1 003;198701012010011001")).toEqual({
      nips: ["198701012010011001", "198702022010012002", "198703032010011003"],
      invalid: [],
    });
  });
  it("returns what is not an 18-digit NIP as invalid", () => {
    expect(parseNipList("12345\nRina\n\n198701012010011001")).toEqual({ nips: ["198701012010011001"], invalid: ["12345", "Rina"] });
  });
});
