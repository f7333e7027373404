import { env } from "./env.server";

/**
 * The client's address for per-address limits. The socket address comes from our own HTTP server
 * (app/cli/serve.ts puts it in the load context). X-Forwarded-For is read only when
 * `TRUSTED_PROXIES` says how many proxies in front of us append to it (default 0: `npm start`
 * serves browsers directly, and then the header is whatever the client invented).
 */
const addresses = new WeakMap<Request, string>();

export type AddressContext = { clientAddress?: string } | undefined;

export function rememberClientAddress(request: Request, context: unknown) {
  const address = (context as AddressContext)?.clientAddress;
  if (address && !addresses.has(request)) addresses.set(request, address);
}

/** The address `hops` trusted proxies and the socket vouch for; null when unknown (tests calling loaders directly). */
export function clientIp(request: Request, hops = env.trustedProxies): string | null {
  const socket = addresses.get(request) ?? null;
  if (hops <= 0) return socket;
  // Each trusted proxy appended the address it saw; the socket is the last proxy itself.
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const chain = socket ? [...forwarded, socket] : forwarded;
  const index = chain.length - 1 - hops;
  return (chain[Math.max(0, index)] ?? socket)?.slice(0, 64) ?? null;
}
