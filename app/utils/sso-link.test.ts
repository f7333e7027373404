import { describe, expect, it } from "vitest";
import { identityFromClaims, linkAccount, normaliseNip, type LinkCandidate } from "./sso-link";

const NIP = "198405052014091004";
const rina: LinkCandidate = { id: "u-rina", email: "rina@oku.go.id", nip: NIP, disabled: false };
const budi: LinkCandidate = { id: "u-budi", email: "budi@oku.go.id", nip: null, disabled: false };

describe("identityFromClaims", () => {
  it("reads the NIP from the configured claim, digits only", () => {
    expect(identityFromClaims({ nip: "19840505 201409 1 004" }).nip).toBe(NIP);
    expect(identityFromClaims({ nip_asn: NIP }, "nip_asn").nip).toBe(NIP);
    expect(identityFromClaims({ nip: NIP }, "nip_asn").nip).toBeNull();
    expect(identityFromClaims({ nip: "bukan nip" }).nip).toBeNull();
    expect(identityFromClaims({ nip: { value: NIP } }).nip).toBeNull();
  });

  it("keeps an e-mail for linking only when the provider verified it", () => {
    expect(identityFromClaims({ email: " Rina@OKU.go.id ", email_verified: true })).toMatchObject({ verifiedEmail: "rina@oku.go.id", unverifiedEmail: null });
    expect(identityFromClaims({ email: "rina@oku.go.id", email_verified: "true" }).verifiedEmail).toBe("rina@oku.go.id");
    expect(identityFromClaims({ email: "rina@oku.go.id", email_verified: false })).toMatchObject({ verifiedEmail: null, unverifiedEmail: "rina@oku.go.id" });
    expect(identityFromClaims({ email: "rina@oku.go.id" }).verifiedEmail).toBeNull();
    expect(identityFromClaims({ email: "bukan-email", email_verified: true }).verifiedEmail).toBeNull();
  });
});

describe("linkAccount", () => {
  it("links by NIP, whatever the e-mail says", () => {
    expect(linkAccount({ nip: NIP, verifiedEmail: null, unverifiedEmail: null }, [rina])).toEqual({ ok: true, userId: "u-rina", via: "nip" });
    expect(linkAccount({ nip: NIP, verifiedEmail: "budi@oku.go.id", unverifiedEmail: null }, [rina, budi])).toEqual({ ok: true, userId: "u-rina", via: "nip" });
  });

  it("compares NIPs by their digits", () => {
    expect(linkAccount({ nip: NIP, verifiedEmail: null, unverifiedEmail: null }, [{ ...rina, nip: "19840505 201409 1 004" }])).toMatchObject({ ok: true });
  });

  it("links by a verified e-mail when no account has the NIP", () => {
    expect(linkAccount({ nip: null, verifiedEmail: "budi@oku.go.id", unverifiedEmail: null }, [budi])).toEqual({ ok: true, userId: "u-budi", via: "email" });
    expect(linkAccount({ nip: "199001012015031001", verifiedEmail: "budi@oku.go.id", unverifiedEmail: null }, [budi])).toMatchObject({
      ok: true,
      via: "email",
    });
    expect(linkAccount({ nip: null, verifiedEmail: "budi@oku.go.id", unverifiedEmail: null }, [{ ...budi, email: "Budi@OKU.go.id" }])).toMatchObject({
      ok: true,
    });
  });

  it("refuses an unverified e-mail", () => {
    expect(linkAccount({ nip: null, verifiedEmail: null, unverifiedEmail: "budi@oku.go.id" }, [budi])).toEqual({ ok: false, reason: "unknown" });
  });

  it("refuses an unknown NIP and e-mail", () => {
    expect(linkAccount({ nip: "199001012015031001", verifiedEmail: "asing@bkn.go.id", unverifiedEmail: null }, [rina, budi])).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(linkAccount({ nip: null, verifiedEmail: null, unverifiedEmail: null }, [])).toEqual({ ok: false, reason: "unknown" });
  });

  it("refuses a disabled account, by NIP or by e-mail", () => {
    expect(linkAccount({ nip: NIP, verifiedEmail: null, unverifiedEmail: null }, [{ ...rina, disabled: true }])).toEqual({ ok: false, reason: "disabled" });
    expect(linkAccount({ nip: null, verifiedEmail: "budi@oku.go.id", unverifiedEmail: null }, [{ ...budi, disabled: true }])).toEqual({
      ok: false,
      reason: "disabled",
    });
  });

  it("refuses when two accounts share the e-mail or the NIP instead of guessing", () => {
    const twin = { ...budi, id: "u-budi-2" };
    expect(linkAccount({ nip: null, verifiedEmail: "budi@oku.go.id", unverifiedEmail: null }, [budi, twin])).toEqual({ ok: false, reason: "ambiguous" });
    expect(linkAccount({ nip: NIP, verifiedEmail: null, unverifiedEmail: null }, [rina, { ...rina, id: "u-rina-2" }])).toEqual({
      ok: false,
      reason: "ambiguous",
    });
  });

  it("refuses an e-mail whose account carries another NIP", () => {
    expect(linkAccount({ nip: "199001012015031001", verifiedEmail: "rina@oku.go.id", unverifiedEmail: null }, [rina])).toEqual({
      ok: false,
      reason: "conflict",
    });
  });
});

describe("normaliseNip", () => {
  it("keeps digits and drops separators", () => {
    expect(normaliseNip("1984.0505-2014")).toBe("198405052014");
    expect(normaliseNip(null)).toBeNull();
    expect(normaliseNip("")).toBeNull();
  });
});
