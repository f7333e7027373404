import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FinalScore } from "~/components/final-score";
import { ManageNav } from "~/components/kelola/manage-nav";
import { certificateStatus } from "~/certificates/rules";
import { revokeCertificate } from "~/models/certificate.server";
import { learnerDetail } from "~/models/learner-detail.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";
import { revokeSchema } from "~/validation/manage-forms.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ params, user }) => {
    const db = await getDb();
    const detail = await learnerDetail(db, managedScopePath(user), params.id ?? "");
    // Outside the manager's subtree looks exactly like a missing learner.
    if (!detail) throw new Response("Not found", { status: 404 });
    return json({
      ...detail,
      certs: detail.certs.map((c) => ({
        id: c.id,
        code: c.code,
        courseTitle: c.courseTitle,
        issuedAt: c.issuedAt,
        expiresAt: c.expiresAt,
        status: certificateStatus(c),
        revokedReason: c.revokedReason,
      })),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    { access: "certificate:revoke", keep: { reason: { show: "text", label: "cert.revokeReason" } } },
    async ({ params, user, form: formData }) => {
      const db = await getDb();
      const scope = managedScopePath(user);
      if (!(await learnerDetail(db, scope, params.id ?? ""))) throw new Response("Not found", { status: 404 });
      const form = Object.fromEntries(formData);
      const parsed = revokeSchema.safeParse(form);
      if (!parsed.success) return json({ ok: false as const, reason: String(form.reason ?? "") }, { status: 400 });
      // The certificate must be this learner's: another learner's id posted here is refused like a missing one.
      const done = await revokeCertificate(db, user.id, scope, params.id ?? "", parsed.data.certificateId, parsed.data.reason);
      if (!done) throw new Response("Not found", { status: 404 });
      return json({ ok: true as const, reason: "" });
    },
  );
}

export default function LearnerDetail() {
  const t = useT();
  const lang = useLang();
  const { learner, progress, attempts, certs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="stack">
      <ManageNav />
      <p>
        <Link to="/kelola/peserta">← {t("learners.title")}</Link>
      </p>
      <h1>{learner.name}</h1>
      <p className="muted">
        {learner.nip ?? "—"} · {learner.email} · {learner.unit}
      </p>
      {result?.ok ? (
        <p className="alert success" role="status">
          {t("cert.revoked")}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p className="alert error" role="alert">
          {t("error.formHasErrors")}
        </p>
      ) : null}
      <div className="card">
        <h2>{t("learners.progress")}</h2>
        <ul className="outline">
          {progress.map((p) => (
            <li key={p.courseTitle}>
              <span>{p.courseTitle}</span>
              <span className="meta">
                {t("learners.lessons", { done: p.completedLessons, total: p.lessonCount })}
                {p.dueDate ? ` · ${t("learners.due", { date: formatDate(p.dueDate, lang) })}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div className="card">
        <h2>{t("learners.attempts")}</h2>
        {attempts.length === 0 ? <p className="muted">{t("learners.noAttempts")}</p> : null}
        <ul className="outline">
          {attempts.map((a) => {
            const passed = a.overridePassed ?? a.passed;
            return (
              <li key={a.id}>
                <span>
                  {a.title ?? a.slug}
                  {a.completedAt ? <span className="meta"> · {formatDateTime(a.completedAt, lang)}</span> : null}
                </span>
                <span className="row">
                  <FinalScore attempt={a} /> <span className={`badge ${passed ? "ok" : "bad"}`}>{t(passed ? "exercise.passed" : "exercise.failed")}</span>
                </span>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="card">
        <h2>{t("learners.certificates")}</h2>
        {certs.length === 0 ? <p className="muted">{t("learners.noCertificates")}</p> : null}
        {certs.map((c) => (
          <div key={c.id} className="cert-row">
            <p>
              <strong>{c.courseTitle}</strong> · <Link to={`/sertifikat/${c.code}`}>{c.code}</Link> ·{" "}
              <span className={`badge ${c.status === "valid" ? "ok" : c.status === "revoked" ? "bad" : "warn"}`}>{t(`cert.status.${c.status}`)}</span> ·{" "}
              {t("cert.expires")} {formatDate(c.expiresAt, lang)}
            </p>
            {c.status === "valid" || c.status === "expired" ? (
              <Form method="post" className="row">
                <input type="hidden" name="certificateId" value={c.id} />
                <label htmlFor={`reason-${c.id}`}>{t("cert.revokeReason")}</label>
                <p className="hint" id={`reason-hint-${c.id}`}>
                  {t("cert.revokePublic")}
                </p>
                <input
                  id={`reason-${c.id}`}
                  name="reason"
                  type="text"
                  aria-describedby={`reason-hint-${c.id}`}
                  required
                  minLength={5}
                  defaultValue={result && !result.ok ? result.reason : ""}
                  style={{ maxWidth: "20rem" }}
                />
                <button type="submit" className="button secondary">
                  {t("cert.revokeSubmit")}
                </button>
              </Form>
            ) : null}
          </div>
        ))}
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "learners.detail");
