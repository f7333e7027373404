import { describe, expect, it } from "vitest";
import { didDocument, didWebFor, keyUrl, originOfDidWeb } from "./did";

const jwk = (x: string) => ({ kty: "OKP", crv: "Ed25519", x });

describe("did:web", () => {
  it("is the host of the origin, with the port percent-encoded", () => {
    expect(didWebFor("https://sigap.example.go.id")).toBe("did:web:sigap.example.go.id");
    expect(didWebFor("http://localhost:3000/")).toBe("did:web:localhost%3A3000");
    expect(originOfDidWeb("did:web:localhost%3A3000")).toBe("http://localhost:3000");
    expect(originOfDidWeb("did:web:sigap.example.go.id")).toBe("https://sigap.example.go.id");
    expect(originOfDidWeb("did:key:z6Mk")).toBeNull();
  });

  it("lists every key, retired ones too, as assertion methods", () => {
    const did = didWebFor("https://sigap.example.go.id");
    const doc = didDocument(did, [
      { id: "kunci-2", publicJwk: jwk("BBB") },
      { id: "kunci-1", publicJwk: jwk("AAA") },
    ]);
    expect(doc.id).toBe(did);
    expect(doc["@context"][0]).toBe("https://www.w3.org/ns/did/v1");
    expect(doc.verificationMethod).toEqual([
      { id: keyUrl(did, "kunci-2"), type: "JsonWebKey", controller: did, publicKeyJwk: jwk("BBB") },
      { id: keyUrl(did, "kunci-1"), type: "JsonWebKey", controller: did, publicKeyJwk: jwk("AAA") },
    ]);
    expect(doc.assertionMethod).toEqual(["did:web:sigap.example.go.id#kunci-2", "did:web:sigap.example.go.id#kunci-1"]);
    // No private key material can slip in: only the JWK given is published.
    expect(JSON.stringify(doc)).not.toMatch(/"d"/);
  });
});
