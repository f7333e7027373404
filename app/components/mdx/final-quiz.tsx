import type { PublicQuiz } from "~/learning/quiz";
import { useLessonQuizzes, useMdxT, type FinalQuizView } from "./lesson-context";

/**
 * A final (summative) quiz, decision 011. Before a pass the page shows the score and the
 * lessons to review, never which option or question was right; option values are the shown
 * positions, which the server maps back with the attempt's stored order.
 */
export function FinalQuiz({ id, quiz, view }: { id: string; quiz: PublicQuiz; view: FinalQuizView }) {
  const t = useMdxT();
  const { idempotencyKey, passPercent, action } = useLessonQuizzes();
  const pretest = view.purpose === "pretest";
  return (
    <section className="quiz card" id={`kuis-${id}`} aria-labelledby={`kuis-${id}-h`}>
      <h2 id={`kuis-${id}-h`}>{t("quiz.heading")}</h2>
      {view.preview ? (
        <p className="hint">{t("quiz.final.preview", { count: view.count })}</p>
      ) : pretest ? (
        <p className="hint">{t("quiz.final.pretestIntro", { count: view.count })}</p>
      ) : (
        <p className="hint">{t("quiz.final.intro", { count: view.count, percent: passPercent, max: view.max, hours: view.windowHours })}</p>
      )}
      {view.passed ? (
        <div className="alert success" role="status">
          <p>
            {t(pretest ? "quiz.final.pretestDone" : "quiz.final.passed", { score: view.passed.score, correct: view.passed.correct, total: view.passed.total })}
          </p>
        </div>
      ) : view.last ? (
        <div className="alert info" role="status">
          <p>
            {t(pretest ? "quiz.final.pretestDone" : "quiz.final.lastScore", { score: view.last.score, correct: view.last.correct, total: view.last.total })}
          </p>
          {pretest ? null : (
            <>
              <p>{t("quiz.final.failed", { percent: passPercent })}</p>
              {view.last.weakTopics.length ? (
                <>
                  <p>{t("quiz.final.weakTopics")}</p>
                  <ul>
                    {view.last.weakTopics.map((topic) => (
                      <li key={topic.href}>
                        <a href={topic.href}>{topic.title}</a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{t("quiz.final.reviewAll")}</p>
              )}
            </>
          )}
        </div>
      ) : null}
      {view.opensAt && !view.passed && !pretest ? (
        <p className="alert info" role="status">
          {t("quiz.final.limit", { max: view.max, hours: view.windowHours, when: view.opensAt })}
        </p>
      ) : null}
      {view.passed ? <Review items={view.passed.review} /> : null}
      {view.attemptId || view.preview ? (
        <form method="post" action={action}>
          <input type="hidden" name="intent" value={pretest ? "pretest" : "quiz"} />
          <input type="hidden" name="quizId" value={id} />
          <input type="hidden" name="attemptId" value={view.attemptId ?? ""} />
          <input type="hidden" name="key" value={idempotencyKey} />
          {view.last && !pretest ? <p className="hint">{t("quiz.final.newAttempt")}</p> : null}
          {!view.preview && !pretest ? <p className="hint">{t("quiz.final.remaining", { remaining: view.remaining, max: view.max })}</p> : null}
          {quiz.questions.map((q, qi) => {
            const multiple = q.type === "multiple";
            return (
              <fieldset key={q.id} className="question">
                <legend>
                  {qi + 1}. {q.prompt}
                </legend>
                <p className="hint">{t(multiple ? "quiz.pickMany" : "quiz.pickOne")}</p>
                <ul className="options">
                  {q.options.map((o) => {
                    const inputId = `${id}-${q.id}-${o.index}`;
                    return (
                      <li key={o.index}>
                        <input id={inputId} type={multiple ? "checkbox" : "radio"} name={`q:${q.id}`} value={o.index} />
                        <label htmlFor={inputId}>{o.text}</label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            );
          })}
          {view.preview ? null : (
            <button type="submit" className="button">
              {t("quiz.submit")}
            </button>
          )}
        </form>
      ) : null}
    </section>
  );
}

function Review({ items }: { items: NonNullable<FinalQuizView["passed"]>["review"] }) {
  const t = useMdxT();
  return (
    <ol className="quiz-review">
      {items.map((q) => (
        <li key={q.id} className={`question${q.correct ? " right" : " wrong"}`}>
          <p>
            <strong>{q.prompt}</strong> <span className={`badge ${q.correct ? "ok" : "bad"}`}>{t(q.correct ? "quiz.right" : "quiz.wrong")}</span>
          </p>
          <ul className="options">
            {q.options.map((o) => (
              <li key={o.index} className={o.correct ? "opt-correct" : o.selected ? "opt-wrong" : ""}>
                <span>{o.text}</span>
                {o.selected || o.correct ? (
                  <p className="tag">{[o.selected ? t("quiz.yourChoice") : null, o.correct ? t("quiz.correctAnswer") : null].filter(Boolean).join(" · ")}</p>
                ) : null}
                <p className="explanation">{o.explanation}</p>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
