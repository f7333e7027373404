import type { CurriculumKey } from "./id.curriculum";

/** English strings of id.curriculum.ts; sent by the loaders of the routes that use them, in English only. */
export const enCurriculum: Record<CurriculumKey, string> = {
  "curriculum.title": "Curriculum",
  "curriculum.heading": "Curriculum: {title}",
  "curriculum.back": "Back to the course",
  "curriculum.print": "Print",
  "curriculum.meta": "Level {level} · content version {version} · {minutes} min · {jp} JP",
  "curriculum.competency": "Competency",
  "curriculum.noCompetency": "No competency has been written yet.",
  "curriculum.structure": "Structure and study time",
  "curriculum.structureNote":
    "1 JP = 45 minutes of learning. Each item's minutes = words read (150 words a minute on a phone) + time to do the tasks. Course JP = total minutes ÷ 45, rounded to the nearest 0.5 JP.",
  "curriculum.col.no": "No.",
  "curriculum.col.title": "Item",
  "curriculum.col.kind": "Kind",
  "curriculum.col.basis": "How it is counted",
  "curriculum.col.minutes": "Minutes",
  "curriculum.col.jp": "JP",
  "curriculum.basis.read": "{words} words ≈ {minutes} min reading",
  "curriculum.basis.quiz": "{items, plural, one {# item} other {# items}} × 1 min",
  "curriculum.basis.dm": "{replies, plural, one {# reply} other {# replies}} × {minutes} min (writing + reading feedback)",
  "curriculum.basis.hoax": "4 case tasks = {minutes} min",
  "curriculum.basis.post": "rewriting the post and its alt text + reading feedback = {minutes} min",
  "curriculum.total": "Total",
  "curriculum.totalJp": "{minutes} min ÷ 45 = {exact} → {jp} JP",
  "curriculum.lessons": "Objectives and success indicators per item",
  "curriculum.objectives": "Learning objectives",
  "curriculum.indicators": "Success indicators",
  "curriculum.indicator": "Given {condition}, the learner {behaviour} {criterion}.",
  "curriculum.indicator.dm":
    "Given a message from {persona} on {channel}, the learner writes {replies, plural, one {# reply} other {# replies}} that meet {required} required rubric elements, with no violation and a score of at least {pass}.",
  "curriculum.indicator.hoax":
    "Given a message circulated by {sender}, the learner labels it and names the kind of information disorder, marks the red flags, plans the verification in order and writes a public clarification; mean score at least {pass}, the right label, and a passing clarification.",
  "curriculum.indicator.post":
    "Given a ceremonial post and the service facts, the learner rewrites it as a {channel} with service information and alt text for its image, meeting {required} required elements with no violation and a score of at least {pass}.",
  "curriculum.indicator.quiz":
    "Given {draw} case items drawn at random from a bank of {bank}, the learner chooses the right action with a score of at least {pass}.",
  "curriculum.lessonRefs": "References: {refs}",
  "curriculum.assessment": "Assessment and pass rules",
  "curriculum.assess.practice":
    "Check-your-understanding quizzes inside lessons (formative): {items} items, immediate feedback, no effect on passing. A reading lesson is complete when the learner marks it complete.",
  "curriculum.assess.dm":
    "DM exercises ({count}): replies are graded automatically with each exercise's rubric (required elements, built-in and exercise violations, service facts). Pass when every required element is met, with no violation and a score of at least {pass}. Replies the grader doubts always go to a trainer.",
  "curriculum.assess.sample": "On top of that, {sample}% of sure passes are sampled for a trainer's review.",
  "curriculum.assess.hoax":
    "Hoax cases ({count}): classification, red flags, verification plan and clarification are graded automatically. Pass with a mean of at least {pass}, the right HOAX/TRUE label and a passing clarification.",
  "curriculum.assess.final":
    "Final quiz (summative): {draw} items drawn at random from a bank of {bank} on every attempt. Pass with at least {pass}. At most {max, plural, one {# attempt} other {# attempts}} in {hours, plural, one {# hour} other {# hours}}. Before passing, learners see only their score and the lessons to review, never the answer key.",
  "curriculum.assess.complete":
    "The course is complete when every published item is complete. Learners receive a certificate for {jp} JP, valid for {months, plural, one {# month} other {# months}}.",
  "curriculum.evaluation": "Evaluation",
  "curriculum.eval.pretest":
    "Pre-test: before the first lesson learners take one attempt drawn from the final quiz bank (it does not count towards passing); the pre-test score is compared with the final quiz as the post-test.",
  "curriculum.eval.noPretest": "This course uses no pre-test; the final quiz serves as the post-test.",
  "curriculum.eval.survey": "A learner reaction survey (level 1 evaluation) is filled in after the course.",
  "curriculum.references": "Regulations and sources cited",
  "curriculum.noReferences": "This course cites no particular regulation.",
  "curriculum.refLessons": "cited in items {lessons}",
  "curriculum.footer": "Generated from the course's content files (version {version}); every change to the content shows here at once.",
};
