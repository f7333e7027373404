/**
 * Signing and checking VC-JWTs with jose (EdDSA over Ed25519). The private key never leaves the
 * server; verification takes only public JWKs.
 */
import { compactVerify, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, type JWTPayload } from "jose";

export const CREDENTIAL_ALG = "EdDSA";

export async function newKeyPair(): Promise<{ publicJwk: Record<string, unknown>; privateJwk: Record<string, unknown> }> {
  const { privateKey, publicKey } = await generateKeyPair(CREDENTIAL_ALG, { crv: "Ed25519", extractable: true });
  return { publicJwk: { ...(await exportJWK(publicKey)) }, privateJwk: { ...(await exportJWK(privateKey)) } };
}

/** Signs `payload` (the credential plus registered claims) as a compact JWS with `kid`. */
export async function signJwt(payload: Record<string, unknown>, privateJwk: Record<string, unknown>, kid: string, typ = "JWT"): Promise<string> {
  const key = await importJWK(privateJwk, CREDENTIAL_ALG);
  return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: CREDENTIAL_ALG, typ, kid }).sign(key);
}

export type DecodedJwt = { header: { alg?: string; kid?: string; typ?: string }; payload: Record<string, unknown> };

/** Reads header and payload without trusting them; null when it is not a compact JWT. */
export function decodeUnverified(token: string): DecodedJwt | null {
  try {
    return { header: decodeProtectedHeader(token) as DecodedJwt["header"], payload: decodeJwt(token) as Record<string, unknown> };
  } catch {
    return null;
  }
}

/** True when the signature is valid for this public key (times are checked by the caller). */
export async function signatureValid(token: string, publicJwk: Record<string, unknown>): Promise<boolean> {
  try {
    const key = await importJWK(publicJwk, CREDENTIAL_ALG);
    await compactVerify(token, key, { algorithms: [CREDENTIAL_ALG] });
    return true;
  } catch {
    return false;
  }
}
