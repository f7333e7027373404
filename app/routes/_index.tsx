import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { daysUntilExpiry, expiresSoon } from "~/certificates/rules";
import { findExercise } from "~/exercises/entries.server";
import { listOwnCertificates } from "~/models/certificate.server";
import { listReviewNotices } from "~/models/exercise-attempt.server";
import { myAssignedCourses } from "~/models/enrollment.server";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDate } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "public" }, async ({ request }) => {
    const db = await getDb();
    const user = await getUser(request);
    if (!user) return json({ user: null, assigned: [], expiring: [], reviews: [] });
    const [assigned, certs, notices] = await Promise.all([myAssignedCourses(db, user.id), listOwnCertificates(db, user.id), listReviewNotices(db, user.id)]);
    const reviews = await Promise.all(
      notices.map(async (n) => ({
        slug: n.exerciseSlug,
        attemptId: n.attemptId,
        passed: n.passed,
        score: n.score,
        title: (await findExercise(n.exerciseSlug))?.title ?? n.exerciseSlug,
      })),
    );
    return json({
      user: { name: user.name, role: user.role, agencyName: user.agencyName },
      assigned,
      reviews,
      expiring: certs.filter((c) => expiresSoon(c)).map((c) => ({ code: c.code, courseTitle: c.courseTitle, days: daysUntilExpiry(c) ?? 0 })),
    });
  });
}

export default function Home() {
  const t = useT();
  const lang = useLang();
  const { user, assigned, expiring, reviews } = useLoaderData<typeof loader>();
  if (!user) {
    return (
      <section className="card hero">
        <h1>{t("home.anonTitle")}</h1>
        <p>{t("home.anonBody")}</p>
        <Link to="/masuk" className="button">
          {t("home.anonCta")}
        </Link>
      </section>
    );
  }
  const manages = user.role === "manager" || user.role === "admin";
  return (
    <section className="stack">
      <div className="card">
        <h1>{t("home.welcome", { name: user.name })}</h1>
        <p className="muted">{t("home.roleIs", { role: t(`role.${user.role}`), agency: user.agencyName })}</p>
        <div className="row">
          <Link to="/kursus" className="button">
            {t("home.startCourses")}
          </Link>
          {manages ? (
            <Link to="/kelola" className="button secondary">
              {t("home.manageUsers")}
            </Link>
          ) : null}
          <Link to="/akun/kata-sandi" className="button secondary">
            {t("home.changePassword")}
          </Link>
        </div>
      </div>
      {expiring.map((c) => (
        <p key={c.code} className="alert info">
          <Link to="/saya/sertifikat">{t("home.expiring", { course: c.courseTitle, days: c.days })}</Link>
        </p>
      ))}
      {reviews.length > 0 ? (
        <section className="alert info" aria-labelledby="review-notices-h">
          <h2 id="review-notices-h">{t("home.reviewTitle")}</h2>
          <ul>
            {reviews.map((r) => (
              <li key={r.attemptId}>
                <Link to={`/latihan/${r.slug}?percobaan=${r.attemptId}#hasil`}>{r.title}</Link>:{" "}
                {t("exercise.reviewResult", { result: t(r.passed ? "exercise.passed" : "exercise.failed"), score: r.score ?? "–" })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="card">
        <h2>{t("home.assigned")}</h2>
        {assigned.length === 0 ? <p className="muted">{t("home.noAssigned")}</p> : null}
        <ul className="outline">
          {assigned.map((a) => (
            <li key={a.slug}>
              <span>
                <Link to={`/kursus/${a.slug}`}>{a.title}</Link>
                <div className="meta">{t("home.progress", { done: a.completedLessons, total: a.lessonCount })}</div>
              </span>
              <span className="row">
                {a.overdue ? <span className="badge bad">{t("home.overdue")}</span> : null}
                {a.dueDate ? <span className="meta">{t("home.due", { date: formatDate(a.dueDate, lang) })}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.home");
