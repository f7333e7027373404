/**
 * did:web for the deployment: `did:web:<host>` (a port is written %3A, as the did:web method
 * says), resolved at https://<host>/.well-known/did.json. Pure: the keys come from the database.
 */

export type PublicKeyEntry = { id: string; publicJwk: Record<string, unknown> };

/** The DID of the deployment reachable at `origin` ("https://sigap.example.go.id"). */
export function didWebFor(origin: string): string {
  const url = new URL(origin);
  return `did:web:${encodeURIComponent(url.host)}`;
}

/** The origin a did:web resolves to (https, as the method requires; http for localhost only). */
export function originOfDidWeb(did: string): string | null {
  const match = /^did:web:([^:#/?]+)$/.exec(did);
  if (!match) return null;
  const host = decodeURIComponent(match[1]!);
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host);
  return `${local ? "http" : "https"}://${host}`;
}

/** DID URL of one key: `did:web:host#<key id>`. */
export function keyUrl(did: string, keyId: string): string {
  return `${did}#${keyId}`;
}

/**
 * The DID document: every key, current and retired, is a verification method usable for
 * assertions, so credentials signed before a rotation keep verifying.
 */
export function didDocument(did: string, keys: PublicKeyEntry[]) {
  const methods = keys.map((k) => ({ id: keyUrl(did, k.id), type: "JsonWebKey", controller: did, publicKeyJwk: k.publicJwk }));
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
