/**
 * A no-JavaScript browser for the load and fault benches: plain GETs and urlencoded form posts
 * with an Origin header, redirects not followed (the next GET is the caller's), every request
 * timed per route label.
 */
import http from "node:http";
import { gunzipSync, inflateSync } from "node:zlib";
export type Fields = [string, string][];
/** `start`/`at`: when the request was sent and answered (epoch ms). */
export type Sample = { route: string; ms: number; status: number; start: number; at: number };

export class Browser {
  readonly samples: Sample[] = [];
  // One keep-alive pool per browser, like fetch's, without fetch's per-request cost (streams,
  // Headers and Response objects): the client's CPU is the bench's overhead, not the platform's.
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  constructor(readonly base: string) {}

  async request(route: string, path: string, init: { method?: string; cookie?: string; fields?: Fields; headers?: Record<string, string> } = {}) {
    // A browser asks for compressed pages (the server's gzip is part of its cost); the body is
    // decompressed and decoded only when the caller reads `text`.
    const headers: Record<string, string> = { "accept-encoding": "gzip, deflate", ...(init.headers ?? {}) };
    if (init.cookie) headers.cookie = init.cookie;
    let body: string | undefined;
    if (init.fields) {
      body = new URLSearchParams(init.fields).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers["content-length"] = String(Buffer.byteLength(body));
      headers.origin = this.base;
    }
    const start = performance.now();
    const sent = Date.now();
    let status = 0;
    try {
      const res = await new Promise<http.IncomingMessage & { raw: Buffer }>((resolve, reject) => {
        const req = http.request(this.base + path, { method: init.method ?? (init.fields ? "POST" : "GET"), headers, agent: this.agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve(Object.assign(res, { raw: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) })));
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end(body);
      });
      status = res.statusCode ?? 0;
      const encoding = res.headers["content-encoding"];
      let text: string | undefined;
      const setCookie = res.headers["set-cookie"];
      return {
        status,
        get text() {
          text ??= (encoding === "gzip" ? gunzipSync(res.raw) : encoding === "deflate" ? inflateSync(res.raw) : res.raw).toString("utf8");
          return text;
        },
        location: res.headers.location ?? null,
        setCookie: setCookie?.length ? setCookie.join(", ") : null,
      };
    } finally {
      this.samples.push({ route, ms: performance.now() - start, status, start: sent, at: Date.now() });
    }
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Per-route table: count, statuses, p50/p95/p99 in ms. */
export function routeTable(samples: Sample[]): string {
  const byRoute = new Map<string, Sample[]>();
  for (const s of samples) byRoute.set(s.route, [...(byRoute.get(s.route) ?? []), s]);
  const rows = [["route", "n", "p50", "p95", "p99", "statuses"]];
  for (const [route, list] of [...byRoute].sort((a, b) => a[0].localeCompare(b[0]))) {
    const ms = list.map((s) => s.ms).sort((a, b) => a - b);
    const statuses = new Map<number, number>();
    for (const s of list) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
    rows.push([
      route,
      String(list.length),
      percentile(ms, 50).toFixed(0),
      percentile(ms, 95).toFixed(0),
      percentile(ms, 99).toFixed(0),
      [...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([k, v]) => `${k}×${v}`)
        .join(" "),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")).join("\n");
}

export const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x2F;/g, "/")
    .replace(/&amp;/g, "&");

function attr(tag: string, name: string): string | null {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? decode(m[1]!) : null;
}

export type ParsedForm = { action: string | null; fields: Fields; visible: string[] };

/** Forms in a page: hidden inputs and text fields with their values (checkboxes/radios left out). */
export function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const fields: Fields = [];
    const visible: string[] = [];
    for (const f of m[2]!.matchAll(/<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const tag = f[0];
      const name = attr(tag.startsWith("<textarea") ? `<t ${f[1]}>` : tag, "name");
      if (!name) continue;
      if (tag.startsWith("<textarea")) {
        fields.push([name, decode(f[2]!)]);
        visible.push(name);
        continue;
      }
      const type = attr(tag, "type") ?? "text";
      if (type === "radio" || type === "checkbox" || type === "submit") continue;
      fields.push([name, attr(tag, "value") ?? ""]);
      if (type !== "hidden") visible.push(name);
    }
    forms.push({ action: attr(`<f ${m[1]}>`, "action"), fields, visible });
  }
  return forms;
}

/** The form that carries `name=value` among its fields. */
export function formWith(html: string, name: string, value?: string): ParsedForm | null {
  return parseForms(html).find((f) => f.fields.some(([k, v]) => k === name && (value === undefined || v === value))) ?? null;
}

export const field = (form: ParsedForm | null, name: string) => form?.fields.find(([k]) => k === name)?.[1] ?? null;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The form posting to `action` (the 503 page's kept form posts back where it came from). */
export function formAt(html: string, action: string): ParsedForm | null {
  return parseForms(html).find((f) => f.action === action) ?? null;
}
