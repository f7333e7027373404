/**
 * A real OpenID provider for tests (oidc-provider, the certified implementation): one
 * confidential client, accounts whose claims carry nip / email / email_verified like BKN's SSO
 * ASN, and the package's development login page (any password; the login names the account).
 * Consent is granted on the spot, as for a first-party client. Used by the SSO integration test
 * and the Playwright spec (decision 017).
 */
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export type TestOidcProvider = { issuer: string; close: () => Promise<void> };

export type TestOidcOptions = {
  /** 0 = any free port. */
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Login name → claims (besides `sub`, which is the login name). Read at sign-in, so tests may add accounts later. */
  accounts: Map<string, Record<string, unknown>>;
};

export async function startOidcProvider(options: TestOidcOptions): Promise<TestOidcProvider> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "uji", use: "sig", alg: "RS256" }] },
    cookies: { keys: ["kunci-cookie-penyedia-uji"] },
    // Keycloak releases a custom claim through a mapper; here it rides with the profile scope
    // (nip_asn: a deployment whose claim has another name, OIDC_NIP_CLAIM).
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "nip", "nip_asn"] },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const claims = options.accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
  });
  handler = provider.callback();

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
