import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { checkCertificateCode } from "~/certificates/code";
import { formatDate } from "~/utils/dates";
import { certificateStatus, suspensionOf } from "~/certificates/rules";
import { findCertificateByCode } from "~/models/certificate.server";
import { issuerOf } from "~/models/credential.server";
import { englishParts, getLang } from "~/utils/i18n.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { allowHitInMemory } from "~/utils/memory-limit.server";
import { clientIp } from "~/utils/rate-limit.server";
import { handleLoader } from "~/utils/pipeline.server";
import { readDb } from "~/utils/db.server";
import type { StringsHandle } from "~/i18n";
import { idCredentials } from "~/i18n/id.credentials";

export const handle: StringsHandle = { strings: { credentials: idCredentials } };

/**
 * Public verification, no sign-in. Shows every printed field so an edited PDF is caught by
 * comparison. Lookups are rate-limited per client address.
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "public" }, async ({ request, params }) => {
    const db = await readDb(request);
    const input = (params.code ?? "").slice(0, 64);
    const ip = clientIp(request);
    const allowed = allowHitInMemory(`verify:${ip ?? "unknown"}`, ip ? 30 : 600, 60_000);
    if (!allowed) return json({ i18n: englishParts(args.request, handle), input, outcome: "rate-limited" as const, cert: null }, { status: 429 });
    const checked = checkCertificateCode(input);
    if (!checked.ok)
      return json(
        { i18n: englishParts(args.request, handle), input, outcome: checked.reason === "checksum" ? ("checksum" as const) : ("format" as const), cert: null },
        { status: 404 },
      );
    const found = await findCertificateByCode(db, checked.code);
    if (!found) return json({ i18n: englishParts(args.request, handle), input, outcome: "unknown" as const, cert: null }, { status: 404 });
    const lang = getLang(request);
    const outcome = certificateStatus(found);
    // A suspended certificate is shown with its reason but without the person (decision 011).
    const person = outcome !== "suspended";
    const issuer = await issuerOf(db, found);
    return json({
      i18n: englishParts(args.request, handle),
      input,
      outcome,
      cert: {
        code: found.code,
        learnerName: person ? found.learnerName : null,
        learnerNip: person ? found.learnerNip : null,
        agencyName: person ? found.agencyName : null,
        suspension: suspensionOf(found),
        courseTitle: found.courseTitle,
        courseVersion: found.courseVersion,
        jp: found.jp,
        issued: formatDate(found.issuedAt, lang),
        expires: formatDate(found.expiresAt, lang),
        revokedReason: found.revokedReason,
        replacedByCode: found.replacedByCode,
        issuer,
      },
    });
  });
}

export default function VerifyCertificate() {
  const t = useT();
  const { input, outcome, cert } = useLoaderData<typeof loader>();
  const notice =
    outcome === "valid"
      ? { kind: "success", text: t("cert.valid") }
      : outcome === "expired"
        ? { kind: "info", text: t("cert.expiredNotice") }
        : outcome === "suspended" && cert?.suspension
          ? {
              kind: "error",
              text: t("cert.suspendedNotice", { reason: t(`cert.suspendedReason.${cert.suspension.reason}`, { lesson: cert.suspension.lesson }) }),
            }
          : outcome === "revoked"
            ? { kind: "error", text: t("cert.revokedNotice", { reason: cert?.revokedReason ?? "" }) }
            : outcome === "replaced"
              ? { kind: "info", text: t("cert.replacedNotice", { code: cert?.replacedByCode ?? "" }) }
              : {
                  kind: "error",
                  text: t(
                    outcome === "checksum"
                      ? "cert.badChecksum"
                      : outcome === "unknown"
                        ? "cert.unknown"
                        : outcome === "rate-limited"
                          ? "cert.rateLimited"
                          : "cert.badFormat",
                  ),
                };
  return (
    <section className="stack">
      <h1>{t("cert.verifyTitle")}</h1>
      <p className={`alert ${notice.kind} verify-outcome`} role="status">
        {notice.text}
      </p>
      {outcome === "replaced" && cert?.replacedByCode ? (
        <p>
          <Link to={`/sertifikat/${cert.replacedByCode}`}>{cert.replacedByCode} →</Link>
        </p>
      ) : null}
      {cert ? (
        <div className="card">
          <p className="muted">{t("cert.compare")}</p>
          <dl className="facts">
            <dt>{t("cert.code")}</dt>
            <dd>{cert.code}</dd>
            {cert.learnerName !== null ? (
              <>
                <dt>{t("cert.learner")}</dt>
                <dd>{cert.learnerName}</dd>
                <dt>{t("cert.nip")}</dt>
                <dd>{cert.learnerNip ?? "—"}</dd>
                <dt>{t("cert.agency")}</dt>
                <dd>{cert.agencyName}</dd>
              </>
            ) : null}
            <dt>{t("cert.course")}</dt>
            <dd>{cert.courseTitle}</dd>
            <dt>{t("cert.version")}</dt>
            <dd>{cert.courseVersion}</dd>
            <dt>{t("cert.jp")}</dt>
            <dd>{cert.jp}</dd>
            <dt>{t("cert.issued")}</dt>
            <dd>{cert.issued}</dd>
            <dt>{t("cert.expires")}</dt>
            <dd>{cert.expires}</dd>
            <dt>{t("cert.issuer")}</dt>
            <dd>{cert.issuer.institution}</dd>
            <dt>{t("cert.signatory")}</dt>
            <dd>
              {t("cert.signatoryLine", {
                name: cert.issuer.signatoryName,
                nip: cert.issuer.signatoryNip ? ` (NIP ${cert.issuer.signatoryNip})` : "",
                title: cert.issuer.signatoryTitle,
              })}
            </dd>
          </dl>
        </div>
      ) : null}
      <Form method="get" action="/sertifikat" className="card narrow">
        <div className="field">
          <label htmlFor="kode">{t("cert.verifyInput")}</label>
          <input id="kode" name="kode" type="text" defaultValue={cert ? "" : input} autoComplete="off" spellCheck={false} />
        </div>
        <button type="submit" className="button secondary">
          {t("cert.verifySubmit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "cert.verifyTitle"), { name: "robots", content: "noindex" }];
