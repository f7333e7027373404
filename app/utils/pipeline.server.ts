/**
 * The one request pipeline. Every route's loader and action runs through `handleLoader` /
 * `handleAction`, which do, in order: database outage → translated 503 (forms kept), body type
 * and size (415 / 413 before buffering more than the limit), same-origin check for writes,
 * session, permission, agency scope, form parsing — and hand the route `{ user, scope, form }`.
 * With a read replica, a signed-in user's form post also marks the browser as having just written,
 * so its report reads stay on the primary for a few seconds (`readDb`, read-your-writes).
 *
 * Route modules call these from inside `export async function loader(args)`: a function
 * declaration is dropped from the browser bundle, whereas a top-level call such as
 * `export const loader = wrap(...)` is kept there (the compiler cannot prove it pure) and crashes
 * hydration, because every `.server` module is empty in the browser (decision 012).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Lang } from "~/i18n";
import type { Permission } from "./policy";
import { can } from "./policy";
import { getUser, requireUser, shareUserAcrossLoaders, type SessionUser } from "./auth.server";
import { assertSameOrigin } from "./csrf.server";
import { dbUnavailable, downloadUnavailable, isDbUnavailable, keptForm, type ShownFields } from "./db-unavailable.server";
import { wroteCookie } from "./db.server";
import { getLang, plainTextAnswer } from "./i18n.server";
import { isHttps } from "./session.server";
import { redirect } from "@remix-run/node";
import { scopeOf, type Scope } from "./permissions.server";
import { rememberClientAddress } from "./client-address.server";

/** Who may call: anyone, only signed-out visitors, any signed-in user, or holders of a permission. */
export type Access = "public" | "anonymous" | "user" | Permission;

type UserOf<A extends Access> = A extends "public" ? SessionUser | null : A extends "anonymous" ? null : SessionUser;
type ScopeOf<A extends Access> = A extends "public" | "anonymous" ? Scope | null : Scope;

export type RouteContext<A extends Access> = {
  request: Request;
  params: LoaderFunctionArgs["params"];
  user: UserOf<A>;
  /** The agency subtree the user acts on (admins: everything); use `inScope` in SQL. */
  scope: ScopeOf<A>;
  lang: Lang;
};

export type ActionContext<A extends Access> = RouteContext<A> & {
  form: FormData;
  /** Set when the body was not a form and the route asked for `body: "lenient"`: `form` is empty. */
  badBody: 400 | 413 | 415 | null;
};

type CommonOptions<A extends Access> = {
  access: A;
  /** A download (CSV, PDF, image): refusals and 503s are one translated line of plain text. */
  download?: true;
};

export type ActionOptions<A extends Access> = CommonOptions<A> & {
  /** Carry the posted form back with an outage 503 (these fields visible, the rest hidden, passwords blank). */
  keep?: ShownFields;
  /** Largest accepted body in bytes (default 1 MiB); bigger ones get 413 before being read. */
  maxBytes?: number;
  /** "lenient": a non-form or oversized body reaches the route as an empty form with `badBody` set (sign-out must still sign out). */
  body?: "form" | "lenient";
};

/** Forms are small; the staff import sets its own cap. */
export const FORM_BODY_LIMIT = 1024 * 1024;

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

class BodyRefused extends Error {
  constructor(readonly status: 400 | 413 | 415) {
    super(`body refused (${status})`);
  }
}

/** Reads at most `limit` bytes of the body; more → 413 without buffering the rest. */
async function readLimited(request: Request, limit: number): Promise<Buffer> {
  const announced = request.headers.get("content-length");
  if (announced !== null && Number(announced) > limit) throw new BodyRefused(413);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyRefused(413);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readForm(request: Request, limit: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!FORM_TYPES.test(type)) throw new BodyRefused(415);
  const bytes = await readLimited(request, limit);
  try {
    return await new Response(new Uint8Array(bytes), { headers: { "Content-Type": type } }).formData();
  } catch {
    throw new BodyRefused(400);
  }
}

const BODY_MESSAGES = { 400: "error.badForm", 413: "error.tooLarge", 415: "error.badForm" } as const;

function refuseBody(request: Request, status: 400 | 413 | 415): Response {
  return plainTextAnswer(request, BODY_MESSAGES[status], { status, headers: { Connection: status === 413 ? "close" : "keep-alive" } });
}

async function authorise<A extends Access>(request: Request, access: A, download: boolean): Promise<SessionUser | null> {
  if (access === "public") return getUser(request);
  if (access === "anonymous") {
    if (await getUser(request)) throw redirect("/");
    return null;
  }
  const user = await requireUser(request);
  if (access !== "user" && !can(user, access)) throw plainTextAnswer(request, "error.forbidden", { status: 403 });
  void download;
  return user;
}

function outageAnswer(request: Request, error: unknown, download: boolean, form: FormData | null, keep: ShownFields | undefined): never {
  if (!isDbUnavailable(error)) throw error;
  if (download) throw downloadUnavailable(request);
  if (!keep || !form) throw dbUnavailable(request);
  if ([...form.values()].some((v) => typeof v !== "string" && v.size > 0)) throw dbUnavailable(request, null, "error.unavailableUpload");
  const multipart = /^multipart\/form-data/i.test(request.headers.get("content-type") ?? "");
  throw dbUnavailable(request, keptForm(request, form, keep, multipart));
}

function contextFor<A extends Access>(args: LoaderFunctionArgs, user: SessionUser | null): RouteContext<A> {
  rememberClientAddress(args.request, args.context);
  return {
    request: args.request,
    params: args.params,
    user: user as UserOf<A>,
    scope: (user ? scopeOf(user) : null) as ScopeOf<A>,
    lang: getLang(args.request),
  };
}

/** Runs a loader: outage → 503, session, permission, scope. */
export async function handleLoader<A extends Access, T>(
  args: LoaderFunctionArgs,
  options: CommonOptions<A>,
  fn: (ctx: RouteContext<A>) => Promise<T> | T,
): Promise<T> {
  rememberClientAddress(args.request, args.context);
  shareUserAcrossLoaders(args.request, args.context);
  try {
    const user = await authorise(args.request, options.access, !!options.download);
    return await fn(contextFor<A>(args, user));
  } catch (error) {
    return outageAnswer(args.request, error, !!options.download, null, undefined);
  }
}

/** Runs an action: outage → 503 (form kept), body type and size, same origin, session, permission, scope, form. */
export async function handleAction<A extends Access, T>(
  args: ActionFunctionArgs,
  options: ActionOptions<A>,
  fn: (ctx: ActionContext<A>) => Promise<T> | T,
): Promise<T> {
  const { request } = args;
  rememberClientAddress(request, args.context);
  let form: FormData | null = null;
  try {
    assertSameOrigin(request);
    let badBody: ActionContext<A>["badBody"] = null;
    try {
      form = await readForm(request, options.maxBytes ?? FORM_BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof BodyRefused)) throw error;
      if (options.body !== "lenient") throw refuseBody(request, error.status);
      badBody = error.status;
      form = new FormData();
    }
    const user = await authorise(request, options.access, !!options.download);
    const posted = form;
    return await notingWrite(request, user, () => fn({ ...contextFor<A>(args, user), form: posted, badBody }));
  } catch (error) {
    return outageAnswer(request, error, !!options.download, form, options.keep);
  }
}

/** A signed-in user's post (returned or thrown answer, usually a redirect) carries the read-your-writes cookie. */
async function notingWrite<T>(request: Request, user: SessionUser | null, run: () => Promise<T> | T): Promise<T> {
  const cookie = user ? wroteCookie(isHttps(request)) : null;
  if (!cookie) return run();
  const mark = (answer: unknown) => {
    if (answer instanceof Response) {
      try {
        answer.headers.append("Set-Cookie", cookie);
      } catch {
        // Immutable headers (Response.redirect): the read falls back to the replica's lag.
      }
    }
  };
  try {
    const answer = await run();
    mark(answer);
    return answer;
  } catch (error) {
    mark(error);
    throw error;
  }
}
