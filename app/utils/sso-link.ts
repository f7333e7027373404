/**
 * Which Sigap account an SSO ASN sign-in belongs to (decision 017). Pure: the caller looks up the
 * candidate accounts (same NIP or same e-mail) and gets back one account or a reason to refuse.
 * No account is ever created from a sign-in: accounts come from managers and the staff import.
 */

/** The parts of the provider's claims (ID token merged with userinfo) that identify a person. */
export type SsoIdentity = {
  /** The NIP, digits only; null when the provider sent none. */
  nip: string | null;
  /** The e-mail address in lower case, only when the provider says it verified it. */
  verifiedEmail: string | null;
  /** The address the provider sent without vouching for it (kept for the refusal page, never for linking). */
  unverifiedEmail: string | null;
};

export type LinkCandidate = { id: string; email: string; nip: string | null; disabled: boolean };

export type LinkOutcome =
  | { ok: true; userId: string; via: "nip" | "email" }
  /**
   * unknown: no account has this NIP or verified e-mail; disabled: the account is switched off;
   * ambiguous: more than one account fits; conflict: the e-mail's account carries another NIP.
   */
  | { ok: false; reason: "unknown" | "disabled" | "ambiguous" | "conflict" };

/** NIPs are often written in groups ("19840505 201409 1 004"): compare the digits alone. */
export function normaliseNip(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const digits = String(value).replace(/[\s.-]/g, "");
  return /^\d{1,32}$/.test(digits) ? digits : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Reads the identity out of the claims. `email_verified` must be true (some providers send the
 * string "true"); an e-mail without it links nothing, since anyone can type any address into a
 * provider's profile.
 */
export function identityFromClaims(claims: Record<string, unknown>, nipClaim = "nip"): SsoIdentity {
  const email = typeof claims.email === "string" && EMAIL.test(claims.email.trim()) ? claims.email.trim().toLowerCase() : null;
  const verified = claims.email_verified === true || claims.email_verified === "true";
  return { nip: normaliseNip(claims[nipClaim]), verifiedEmail: verified ? email : null, unverifiedEmail: verified ? null : email };
}

/**
 * NIP first: it is what BKN knows a civil servant by. Without a NIP match, a verified e-mail
 * links — unless that account already has a different NIP (two people, or a typo a manager must
 * fix). Several fitting accounts refuse rather than guess. A disabled account is refused last, so
 * its owner learns why instead of reading "unknown".
 */
export function linkAccount(identity: SsoIdentity, candidates: readonly LinkCandidate[]): LinkOutcome {
  const pick = (account: LinkCandidate, via: "nip" | "email"): LinkOutcome =>
    account.disabled ? { ok: false, reason: "disabled" } : { ok: true, userId: account.id, via };

  if (identity.nip) {
    const byNip = candidates.filter((c) => normaliseNip(c.nip) === identity.nip);
    if (byNip.length > 1) return { ok: false, reason: "ambiguous" };
    if (byNip[0]) return pick(byNip[0], "nip");
  }
  if (identity.verifiedEmail) {
    const byEmail = candidates.filter((c) => c.email.trim().toLowerCase() === identity.verifiedEmail);
    if (byEmail.length > 1) return { ok: false, reason: "ambiguous" };
    const account = byEmail[0];
    if (account) {
      const accountNip = normaliseNip(account.nip);
      if (identity.nip && accountNip && accountNip !== identity.nip) return { ok: false, reason: "conflict" };
      return pick(account, "email");
    }
  }
  return { ok: false, reason: "unknown" };
}

/** Why an SSO ASN sign-in signed nobody in (each has a page: app/components/sso-problem.tsx). */
export type SsoProblemKind = "limited" | "failed" | "unavailable" | "unknown" | "disabled" | "conflict";
