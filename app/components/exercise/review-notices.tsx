import { Form, Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

export type ReviewNotice = { attemptId: string; passed: boolean | null; score: number | null; comment: string | null };

/** An instructor decided a reply that waited for review: what they decided, a link to it, and "seen". */
export function ReviewNotices({ notices, slug }: { notices: ReviewNotice[]; slug: string }) {
  const t = useT();
  return (
    <>
      {notices.map((n) => (
        <div key={n.attemptId} className="alert info" role="status">
          <p>
            <strong>{t("exercise.reviewDecided")}</strong>{" "}
            {t("exercise.reviewResult", { result: t(n.passed ? "exercise.passed" : "exercise.failed"), score: n.score ?? "–" })}
          </p>
          {n.comment ? <p>{t("exercise.overrideComment", { comment: n.comment })}</p> : null}
          <div className="row">
            <Link to={`/latihan/${slug}?percobaan=${n.attemptId}#hasil`}>{t("exercise.view")}</Link>
            <Form method="post">
              <input type="hidden" name="intent" value="review-seen" />
              <input type="hidden" name="attempt" value={n.attemptId} />
              <button type="submit" className="link-button">
                {t("exercise.reviewDismiss")}
              </button>
            </Form>
          </div>
        </div>
      ))}
    </>
  );
}

type GradeChange = {
  reviewStatus: string | null;
  reviewComment: string | null;
  overrideScore: number | null;
  overridePassed: boolean | null;
  overrideComment: string | null;
};

/** Under a result: an instructor's confirmation after review, and an override with its comment. */
export function GradeChangeNotes({ grade }: { grade: GradeChange }) {
  const t = useT();
  return (
    <>
      {grade.reviewStatus === "confirmed" ? (
        <div className="alert info">
          <p>{t("exercise.reviewConfirmed")}</p>
          {grade.reviewComment ? <p>{t("exercise.overrideComment", { comment: grade.reviewComment })}</p> : null}
        </div>
      ) : null}
      {grade.overrideScore !== null ? (
        <div className="alert info">
          <p>{t("exercise.override", { score: grade.overrideScore, result: t(grade.overridePassed ? "exercise.passed" : "exercise.failed") })}</p>
          {grade.overrideComment ? <p>{t("exercise.overrideComment", { comment: grade.overrideComment })}</p> : null}
        </div>
      ) : null}
    </>
  );
}
