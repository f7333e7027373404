import { describe, expect, it } from "vitest";
import { commonPasswordError } from "./common-password.server";

describe("commonPasswordError", async () => {
  it.each(["password123", "qwertyuiop", "1234567890", "Indonesia2024!", "bismillah123", "P4ssw0rd2025", "sayangku99", "!!iloveyou!!"])(
    "refuses the common or breached password %s",
    async (pw) => expect(await commonPasswordError(pw)).toBe("error.passwordCommon"),
  );

  it.each(["aaaaaaaaaaaa", "abababababab", "abcdefghijkl", "9876543210", "12341234"])("refuses the repetitive or sequential %s", async (pw) =>
    expect(await commonPasswordError(pw)).toBe("error.passwordCommon"),
  );

  it("refuses a password built on the user's own name or e-mail", async () => {
    expect(await commonPasswordError("santoso2024!", { name: "Budi Santoso", email: "budi@oku.go.id" })).toBe("error.passwordPersonal");
    expect(await commonPasswordError("budi.oku.2025", { name: "X", email: "budi.oku@oku.go.id" })).toBe("error.passwordPersonal");
  });

  it("accepts long, unusual passphrases, including ones that merely contain the name among other words", async () => {
    expect(await commonPasswordError("kopi-tubruk-hujan-sore")).toBeNull();
    expect(await commonPasswordError("sigap-demo-2026")).toBeNull();
    expect(await commonPasswordError("budi suka kopi tubruk pagi", { name: "Budi Santoso" })).toBeNull();
  });

  it.each(["1qaz2wsx3edc", "17081945", "Sukamaju2026", "wahyuningsih"])(
    "refuses what the old hand-written list missed: keyboard walks, dates, place and person names (%s)",
    async (pw) => expect(await commonPasswordError(pw)).toBe("error.passwordCommon"),
  );
});
