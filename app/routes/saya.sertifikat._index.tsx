import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { canRecertify, certificateStatus, daysUntilExpiry, expiresSoon, jpInYear, suspensionOf } from "~/certificates/rules";
import { listOwnCertificates, startRecertification } from "~/models/certificate.server";
import { evaluationOffers } from "~/models/evaluation.server";
import { jpHistory, jpRule } from "~/certificates/jp";
import { JpHistory } from "~/components/jp-history";
import { formatDate, jakartaYear } from "~/utils/dates";
import { useT } from "~/utils/i18n";
import { englishParts, getLang } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";
import type { StringsHandle } from "~/i18n";
import { idCredentials } from "~/i18n/id.credentials";

export const handle: StringsHandle = { strings: { credentials: idCredentials } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user" }, async ({ request, user }) => {
    const db = await getDb();
    const lang = getLang(request);
    const [certs, evaluations] = await Promise.all([listOwnCertificates(db, user.id), evaluationOffers(db, user.id)]);
    const year = jakartaYear();
    return json({
      i18n: englishParts(args.request, handle),
      year,
      jp: jpInYear(certs, year),
      rule: jpRule(user.asnKind),
      // Every year with certified training, not only this one (decision 015).
      history: jpHistory(certs, new Date(), user.asnKind).map((y) => ({
        ...y,
        records: y.records.map((r) => ({
          code: r.code,
          courseTitle: r.courseTitle,
          courseVersion: r.courseVersion,
          jp: r.jp,
          completed: formatDate(r.issuedAt, lang),
        })),
      })),
      certificates: certs.map((c) => {
        const status = certificateStatus(c);
        return {
          code: c.code,
          courseId: c.courseId,
          courseTitle: c.courseTitle,
          courseVersion: c.courseVersion,
          jp: c.jp,
          issued: formatDate(c.issuedAt, lang),
          expires: formatDate(c.expiresAt, lang),
          status,
          renewing: c.renewalStartedAt !== null && status !== "replaced",
          expiresInDays: expiresSoon(c) ? daysUntilExpiry(c) : null,
          canRecertify: canRecertify(c),
          suspension: suspensionOf(c),
          // The course's survey and action plan, on the current certificate only (decision 016).
          evaluation: status !== "replaced" ? (evaluations.get(c.courseId) ?? null) : null,
        };
      }),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "user", keep: {} }, async ({ user, form }) => {
    const db = await getDb();
    const courseId = String(form.get("courseId") ?? "");
    // Recertifying resets progress: only with the box ticked and when it is due (the model checks both).
    await startRecertification(db, user.id, courseId, { confirmed: form.get("confirm") === "ya" });
    return redirect("/saya/sertifikat");
  });
}

export default function MyCertificates() {
  const t = useT();
  const { year, jp, rule, certificates, history } = useLoaderData<typeof loader>();
  // A PNS fills the bar towards the 20 JP duty; a PPPK towards the 24 JP limit.
  const target = rule.kind === "pppk" ? rule.cap : rule.duty;
  const percent = Math.min(100, Math.round((jp / target) * 100));
  const label = rule.kind === "pppk" ? t("cert.jpYearPppk", { year, jp, cap: rule.cap }) : t("cert.jpYear", { year, jp, duty: rule.duty });
  return (
    <section className="stack">
      <h1>{t("cert.mine")}</h1>
      <div className="card">
        <p>{label}</p>
        <div className="progress" role="progressbar" aria-valuenow={jp} aria-valuemin={0} aria-valuemax={target} aria-label={label}>
          <span style={{ width: `${percent}%` }} />
        </div>
      </div>
      {certificates.length === 0 ? <p className="card">{t("cert.none")}</p> : null}
      {certificates.map((c) => (
        <article key={c.code} className="card">
          <h2>{c.courseTitle}</h2>
          <p>
            <span className={`badge ${c.status === "valid" ? "ok" : c.status === "revoked" || c.status === "suspended" ? "bad" : "warn"}`}>
              {t(`cert.status.${c.status}`)}
            </span>{" "}
            {c.expiresInDays !== null ? <span className="badge warn">{t("cert.expiresIn", { days: c.expiresInDays })}</span> : null}{" "}
            {c.renewing ? <span className="badge">{t("cert.renewing")}</span> : null}
          </p>
          {c.suspension ? (
            <p className="alert error" role="status">
              {t("cert.suspendedMine", { reason: t(`cert.suspendedReason.${c.suspension.reason}`, { lesson: c.suspension.lesson }) })}
            </p>
          ) : null}
          <dl className="facts">
            <dt>{t("cert.code")}</dt>
            <dd>{c.code}</dd>
            <dt>{t("cert.issued")}</dt>
            <dd>{c.issued}</dd>
            <dt>{t("cert.expires")}</dt>
            <dd>{c.expires}</dd>
            <dt>{t("cert.jp")}</dt>
            <dd>{c.jp}</dd>
          </dl>
          <p className="row">
            <a className="button" href={`/saya/sertifikat/${c.code}/pdf`} download>
              {t("cert.download")}
            </a>
            <Link to={`/sertifikat/${c.code}`}>{t("cert.verifyLink")}</Link>
          </p>
          <p className="row">
            <a className="button secondary" href={`/saya/sertifikat/${c.code}.jwt`} download>
              {t("cred.downloadJwt")}
            </a>
            <a href={`/saya/sertifikat/${c.code}.json`}>{t("cred.viewJson")}</a>
          </p>
          <p className="hint">{t("cred.downloadHint")}</p>
          {c.evaluation ? (
            <p>
              <Link to={`/kursus/${c.evaluation.slug}/evaluasi`}>{t(c.evaluation.submitted ? "eval.doneLink" : "eval.offerLink")}</Link>
            </p>
          ) : null}
          {c.canRecertify ? (
            <Form method="post">
              <input type="hidden" name="courseId" value={c.courseId} />
              <p className="hint">{t("cert.recertifyHint")}</p>
              <p>
                <input id={`konfirmasi-${c.code}`} type="checkbox" name="confirm" value="ya" required />{" "}
                <label htmlFor={`konfirmasi-${c.code}`}>{t("cert.recertifyConfirm")}</label>
              </p>
              <button type="submit" className="button secondary">
                {t("cert.recertify")}
              </button>
            </Form>
          ) : null}
        </article>
      ))}
      <JpHistory history={history} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cert.mine");
