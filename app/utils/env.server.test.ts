import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("fills defaults for an empty environment", () => {
    const parsed = parseEnv({});
    expect(parsed).toMatchObject({ PORT: 3000, TRUSTED_PROXIES: 0 });
    expect(parsed.DATABASE_URL).toBeUndefined();
  });

  it("names every bad variable in one error", () => {
    const error = (() => {
      try {
        parseEnv({ PORT: "tiga ribu", DATABASE_URL: "mysql://x", PUBLIC_URL: "sigap.local" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error!.message).toMatch(/PORT/);
    expect(error!.message).toMatch(/DATABASE_URL: must start with postgres/);
    expect(error!.message).toMatch(/PUBLIC_URL/);
  });

  it("treats blank values as unset", () => {
    expect(parseEnv({ DATABASE_URL: " ", PUBLIC_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("takes the SSO ASN settings together and refuses half of them", () => {
    expect(parseEnv({ OIDC_ISSUER: "https://sso.bkn.example/realms/asn", OIDC_CLIENT_ID: "sigap" })).toMatchObject({ OIDC_CLIENT_ID: "sigap" });
    expect(() => parseEnv({ OIDC_ISSUER: "https://sso.bkn.example/realms/asn" })).toThrow(/OIDC_CLIENT_ID: OIDC_ISSUER and OIDC_CLIENT_ID are set together/);
    expect(() => parseEnv({ OIDC_CLIENT_ID: "sigap" })).toThrow(/OIDC_ISSUER/);
    expect(() => parseEnv({ OIDC_ISSUER: "sso.bkn", OIDC_CLIENT_ID: "sigap" })).toThrow(/OIDC_ISSUER: must be the issuer URL/);
    expect(() => parseEnv({ OIDC_ISSUER: "https://sso.bkn.example", OIDC_CLIENT_ID: "sigap", OIDC_NIP_CLAIM: "nip pegawai" })).toThrow(/OIDC_NIP_CLAIM/);
  });
});
