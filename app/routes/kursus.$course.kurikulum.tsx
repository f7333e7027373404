import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadCurriculum } from "~/content/curriculum-page.server";
import { routeParts, translator, type MessageKey, type StringsHandle } from "~/i18n";
import { useLang, useT, type RootStrings } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import { idPractice } from "~/i18n/id.practice";
import { idCurriculum } from "~/i18n/id.curriculum";
import { englishParts } from "~/utils/i18n.server";

export const handle: StringsHandle = { strings: { practice: idPractice, curriculum: idCurriculum } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "public" }, async ({ params }) => {
    return json({ ...(await loadCurriculum(params.course ?? "")), i18n: englishParts(args.request, handle) });
  });
}

/**
 * The course's curriculum as a training agency files it (issue 16 §6), printable on A4 (see the
 * .curriculum print rules in app.css). Everything on it comes from the content files.
 */
export default function CurriculumPage() {
  const t = useT();
  const lang = useLang();
  const c = useLoaderData<typeof loader>();
  const num = (n: number, digits = 2) => n.toLocaleString(lang === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: digits });
  const positionOf = new Map(c.lessons.map((l, i) => [l.slug, i + 1]));
  const refNumber = new Map(c.references.map((r, i) => [r.key, i + 1]));
  const level = t(`courses.level.${c.level}` as MessageKey);
  return (
    <article className="curriculum stack">
      <p className="no-print">
        <Link to={`/kursus/${c.slug}`}>← {t("curriculum.back")}</Link>
      </p>
      <h1>{t("curriculum.heading", { title: c.title })}</h1>
      <p className="muted">{t("curriculum.meta", { level, version: c.version, minutes: c.minutes, jp: num(c.jp, 1) })}</p>
      <p>{c.summary}</p>
      <p className="no-print">
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t("curriculum.print")}
        </button>
      </p>

      <h2>{t("curriculum.competency")}</h2>
      <p>{c.competency ?? t("curriculum.noCompetency")}</p>

      <h2>{t("curriculum.structure")}</h2>
      <p className="meta">{t("curriculum.structureNote")}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("curriculum.structure")}>
        <table className="data curriculum-time">
          <thead>
            <tr>
              <th scope="col">{t("curriculum.col.no")}</th>
              <th scope="col">{t("curriculum.col.title")}</th>
              <th scope="col">{t("curriculum.col.kind")}</th>
              <th scope="col">{t("curriculum.col.basis")}</th>
              <th scope="col" className="num">
                {t("curriculum.col.minutes")}
              </th>
              <th scope="col" className="num">
                {t("curriculum.col.jp")}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.lessons.map((l, i) => {
              const w = l.time.work;
              const work =
                w.kind === "dm"
                  ? t("curriculum.basis.dm", { replies: w.replies, minutes: num(l.time.workMinutes / Math.max(1, w.replies), 1) })
                  : w.kind === "hoax"
                    ? t("curriculum.basis.hoax", { minutes: num(l.time.workMinutes, 1) })
                    : w.kind === "post"
                      ? t("curriculum.basis.post", { minutes: num(l.time.workMinutes, 1) })
                      : w.quizItems
                        ? t("curriculum.basis.quiz", { items: w.quizItems })
                        : null;
              return (
                <tr key={l.slug} data-lesson-minutes={l.minutes}>
                  <td>{i + 1}</td>
                  <td>{l.title}</td>
                  <td>{t(`courses.kind.${l.kind}` as MessageKey)}</td>
                  <td>
                    {t("curriculum.basis.read", { words: l.time.words, minutes: num(l.time.readingMinutes, 1) })}
                    {work ? ` + ${work}` : ""}
                  </td>
                  <td className="num">{l.minutes}</td>
                  <td className="num">{num(l.jp)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                {t("curriculum.total")}
              </th>
              <td className="num" data-total-minutes={c.minutes}>
                {c.minutes}
              </td>
              <td className="num" data-course-jp={c.jp}>
                {num(c.jp, 1)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="meta">{t("curriculum.totalJp", { minutes: c.minutes, exact: num(c.minutes / 45), jp: num(c.derivedJp, 1) })}</p>

      <h2>{t("curriculum.lessons")}</h2>
      {c.lessons.map((l, i) => {
        const a = l.assessment;
        const pass = `${"passPercent" in a ? a.passPercent : c.assessment.passPercent}`;
        return (
          <section key={l.slug} className="curriculum-lesson">
            <h3>
              {i + 1}. {l.title}
            </h3>
            {l.objectives.length ? (
              <>
                <h4>{t("curriculum.objectives")}</h4>
                <ul>
                  {l.objectives.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <h4>{t("curriculum.indicators")}</h4>
            <ul>
              {l.indicators.map((ind) => (
                <li key={ind.behaviour}>{t("curriculum.indicator", { condition: ind.condition, behaviour: ind.behaviour, criterion: ind.criterion })}</li>
              ))}
              {a.kind === "dm" ? (
                <li>
                  {t("curriculum.indicator.dm", {
                    persona: a.persona,
                    channel: t(`exercise.channel.${a.channel}` as MessageKey),
                    replies: a.replies,
                    required: a.required,
                    pass,
                  })}
                </li>
              ) : a.kind === "hoax" ? (
                <li>{t("curriculum.indicator.hoax", { sender: a.sender, pass })}</li>
              ) : a.kind === "post" ? (
                <li>{t("curriculum.indicator.post", { channel: t(`post.channel.${a.channel}` as MessageKey), required: a.required, pass })}</li>
              ) : a.kind === "quiz" ? (
                <li>{t("curriculum.indicator.quiz", { draw: a.draw, bank: a.bank, pass })}</li>
              ) : null}
            </ul>
            {l.references.length ? (
              <p className="meta">
                {t("curriculum.lessonRefs", {
                  refs: [...l.references]
                    .sort((a, b) => (refNumber.get(a) ?? 0) - (refNumber.get(b) ?? 0))
                    .map((key) => `[${refNumber.get(key)}] ${key}`)
                    .join("; "),
                })}
              </p>
            ) : null}
          </section>
        );
      })}

      <h2>{t("curriculum.assessment")}</h2>
      <ul>
        <li>{t("curriculum.assess.practice", { items: c.assessment.practiceItems })}</li>
        {c.assessment.dmCount ? (
          <li>
            {t("curriculum.assess.dm", { count: c.assessment.dmCount, pass: c.assessment.dmPassPercents.join("/") })}
            {c.assessment.reviewSample ? ` ${t("curriculum.assess.sample", { sample: c.assessment.reviewSample })}` : ""}
          </li>
        ) : null}
        {c.assessment.hoaxCount ? (
          <li>{t("curriculum.assess.hoax", { count: c.assessment.hoaxCount, pass: c.assessment.hoaxPassPercents.join("/") })}</li>
        ) : null}
        {c.assessment.final ? (
          <li>
            {t("curriculum.assess.final", {
              draw: c.assessment.final.draw,
              bank: c.assessment.final.bank,
              pass: c.assessment.passPercent,
              max: c.assessment.attempts.max,
              hours: c.assessment.attempts.windowHours,
            })}
          </li>
        ) : null}
        <li>{t("curriculum.assess.complete", { jp: num(c.jp, 1), months: c.assessment.validMonths })}</li>
      </ul>

      <h2>{t("curriculum.evaluation")}</h2>
      <ul>
        <li>{t(c.evaluation.pretest ? "curriculum.eval.pretest" : "curriculum.eval.noPretest")}</li>
        <li>{t("curriculum.eval.survey")}</li>
      </ul>

      <h2>{t("curriculum.references")}</h2>
      {c.references.length ? (
        <ol className="curriculum-refs">
          {c.references.map((r) => (
            <li key={r.key}>
              {r.text} <span className="meta">({t("curriculum.refLessons", { lessons: r.lessons.map((s) => positionOf.get(s)).join(", ") })})</span>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("curriculum.noReferences")}</p>
      )}
      <p className="meta">{t("curriculum.footer", { version: c.version })}</p>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const root = matches.find((m) => m.id === "root")?.data as Partial<RootStrings> | undefined;
  const t = translator(root?.lang ?? "id", root?.english, null, routeParts(matches));
  return pageTitle(matches, "curriculum.title", data ? t("curriculum.heading", { title: data.title }) : undefined);
};
