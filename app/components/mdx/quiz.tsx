import { FinalQuiz } from "./final-quiz";
import { useLessonQuizzes, useMdxT } from "./lesson-context";

/** A quiz placed in a lesson; answers are graded by the lesson's action on the server. Final quizzes: see FinalQuiz. */
export function Quiz({ id }: { id: string }) {
  const t = useMdxT();
  const { quizzes, idempotencyKey, passPercent, action } = useLessonQuizzes();
  const entry = quizzes[id];
  if (!entry) return null;
  const { quiz, result } = entry;
  if (entry.final) return <FinalQuiz id={id} quiz={quiz} view={entry.final} />;
  return (
    <section className="quiz card" id={`kuis-${id}`} aria-labelledby={`kuis-${id}-h`}>
      <h2 id={`kuis-${id}-h`}>{t("quiz.heading")}</h2>
      {result ? (
        <div className={`alert ${result.passed ? "success" : "info"}`} role="status">
          <p>{t("quiz.score", { score: result.score, correct: result.correct, total: result.total })}</p>
          <p>{t(result.passed ? "quiz.passed" : "quiz.failed", { percent: passPercent })}</p>
        </div>
      ) : null}
      <form method="post" action={action}>
        <input type="hidden" name="intent" value="quiz" />
        <input type="hidden" name="quizId" value={id} />
        <input type="hidden" name="key" value={idempotencyKey} />
        {quiz.questions.map((q, qi) => {
          const graded = result?.questions.find((r) => r.id === q.id);
          const multiple = q.type === "multiple";
          return (
            <fieldset key={q.id} className={`question${graded ? (graded.correct ? " right" : " wrong") : ""}`}>
              <legend>
                {qi + 1}. {q.prompt}
              </legend>
              <p className="hint">{t(multiple ? "quiz.pickMany" : "quiz.pickOne")}</p>
              {graded ? <p className={`badge ${graded.correct ? "ok" : "bad"}`}>{t(graded.correct ? "quiz.right" : "quiz.wrong")}</p> : null}
              <ul className="options">
                {q.options.map((o) => {
                  const g = graded?.options[o.index];
                  const inputId = `${id}-${q.id}-${o.index}`;
                  return (
                    <li key={o.index} className={g ? (g.correct ? "opt-correct" : g.selected ? "opt-wrong" : "") : ""}>
                      <input id={inputId} type={multiple ? "checkbox" : "radio"} name={`q:${q.id}`} value={o.index} defaultChecked={g?.selected} />
                      <label htmlFor={inputId}>{o.text}</label>
                      {g?.selected || g?.correct ? (
                        <p className="tag">
                          {[g.selected ? t("quiz.yourChoice") : null, g.correct ? t("quiz.correctAnswer") : null].filter(Boolean).join(" · ")}
                        </p>
                      ) : null}
                      {g ? <p className="explanation">{g.explanation}</p> : null}
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          );
        })}
        <button type="submit" className="button">
          {t(result ? "quiz.retry" : "quiz.submit")}
        </button>
      </form>
    </section>
  );
}
