/**
 * One final score for an attempt (decision 011): an instructor's override wins, and the graded
 * result is kept only as "nilai awal", a secondary detail. Every page and export uses this.
 */
export type GradedAttempt = { score: number | null; passed: boolean | null; overrideScore: number | null; overridePassed: boolean | null };

export type FinalGrade = { score: number | null; passed: boolean | null; overridden: boolean; originalScore: number | null };

export function finalGrade(a: GradedAttempt): FinalGrade {
  const overridden = a.overrideScore !== null || a.overridePassed !== null;
  return { score: a.overrideScore ?? a.score, passed: a.overridePassed ?? a.passed, overridden, originalScore: overridden ? a.score : null };
}
