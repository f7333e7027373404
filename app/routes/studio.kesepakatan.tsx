import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { agreementFor } from "~/content/agreement-page.server";
import { getTextEntry, listTextEntries } from "~/exercises/entries.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import type { StringsHandle } from "~/i18n";
import { idPractice } from "~/i18n/id.practice";
import { englishParts } from "~/utils/i18n.server";

export const handle: StringsHandle = { strings: { practice: idPractice } };

/**
 * The agreement console: per exercise, the authored examples and the reviewed attempts (inside
 * the instructor's subtree) graded again by today's grader and compared with their labels.
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "studio:open" }, async ({ request, scope }) => {
    const entries = await listTextEntries();
    const slug = new URL(request.url).searchParams.get("latihan") ?? entries[0]?.grading.slug ?? "";
    const entry = slug ? await getTextEntry(slug, true) : null;
    if (slug && !entry) throw new Response("Not found", { status: 404 });
    return json({
      i18n: englishParts(args.request, handle),
      exercises: entries.map((e) => ({ slug: e.grading.slug, title: e.title, course: e.course.meta.title })),
      slug,
      title: entry?.title ?? "",
      report: entry ? await agreementFor(entry.grading, scope) : null,
    });
  });
}

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;
const decimal = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

export default function AgreementConsole() {
  const t = useT();
  const { exercises, slug, title, report } = useLoaderData<typeof loader>();
  const verdict = (pass: boolean) => t(pass ? "exercise.passed" : "exercise.failed");
  return (
    <section className="stack">
      <h1>{t("agreement.title")}</h1>
      <p className="muted">{t("agreement.intro")}</p>
      <p className="row">
        <Link to="/studio/tinjauan">{t("review.queueTitle")} →</Link>
      </p>
      <Form method="get" className="row">
        <div className="field">
          <label htmlFor="f-latihan">{t("staff.exercise")}</label>
          <select id="f-latihan" name="latihan" defaultValue={slug}>
            {exercises.map((e) => (
              <option key={e.slug} value={e.slug}>
                {e.title} · {e.course}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("agreement.show")}
        </button>
      </Form>
      {report ? (
        <>
          <h2>{title}</h2>
          <dl className="facts">
            <dt>{t("agreement.labelled")}</dt>
            <dd>
              {t("agreement.counts", {
                total: report.counts.total,
                examples: report.counts.examples,
                reviews: report.counts.reviews,
                attempts: report.counts.attempts,
              })}
            </dd>
            <dt>{t("agreement.agreement")}</dt>
            <dd>{percent(report.agreement)}</dd>
            <dt>{t("agreement.kappa")}</dt>
            <dd>{decimal(report.kappa)}</dd>
            <dt>{t("agreement.mostDisagreed")}</dt>
            <dd>
              {report.mostDisagreed
                ? t("agreement.mostDisagreedValue", { label: report.mostDisagreed.label, count: report.mostDisagreed.disagreements })
                : t("agreement.noDisagreement")}
            </dd>
          </dl>
          <div className="table-wrap">
            <table className="data">
              <caption>{t("agreement.confusion")}</caption>
              <thead>
                <tr>
                  <td />
                  <th scope="col">{t("agreement.graderPass")}</th>
                  <th scope="col">{t("agreement.graderFail")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t("agreement.humanPass")}</th>
                  <td>{report.confusion.truePass}</td>
                  <td>{report.confusion.falseFail}</td>
                </tr>
                <tr>
                  <th scope="row">{t("agreement.humanFail")}</th>
                  <td>{report.confusion.falsePass}</td>
                  <td>{report.confusion.trueFail}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <div className="table-wrap">
            <table className="data">
              <caption>{t("agreement.perCriterion")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("agreement.criterion")}</th>
                  <th scope="col">{t("agreement.labelledCount")}</th>
                  <th scope="col">{t("agreement.agreement")}</th>
                  <th scope="col">{t("agreement.kappa")}</th>
                </tr>
              </thead>
              <tbody>
                {report.criteria.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {c.label}
                      <div className="meta muted">
                        <code>{c.id}</code>
                      </div>
                    </td>
                    <td>{c.labelled}</td>
                    <td>{percent(c.agreement)}</td>
                    <td>{decimal(c.kappa)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t("agreement.disagreements")}</h3>
          {report.disagreements.length === 0 ? <p className="muted">{t("agreement.noDisagreement")}</p> : null}
          <ul className="stack">
            {report.disagreements.map((d, i) => (
              <li key={i} className="card">
                <p className="meta">
                  {t(d.source === "example" ? "agreement.fromExample" : "agreement.fromReview")} · {d.turnId} ·{" "}
                  {t("agreement.humanSays", { verdict: verdict(d.expectedPass) })} · {t("agreement.graderSays", { verdict: verdict(d.actualPass) })}
                </p>
                <blockquote>{d.reply}</blockquote>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "agreement.title");
