import { beforeEach, describe, expect, it } from "vitest";
import { allowHitInMemory, resetMemoryLimits } from "./memory-limit.server";

describe("allowHitInMemory", () => {
  beforeEach(() => resetMemoryLimits());

  it("allows `limit` hits per window and key, then refuses until the next window", () => {
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < 3; i++) expect(allowHitInMemory("verify:a", 3, 60_000, t0 + i)).toBe(true);
    expect(allowHitInMemory("verify:a", 3, 60_000, t0 + 10)).toBe(false);
    expect(allowHitInMemory("verify:b", 3, 60_000, t0 + 10)).toBe(true);
    expect(allowHitInMemory("verify:a", 3, 60_000, t0 + 60_000)).toBe(true);
  });
});
