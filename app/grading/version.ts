/**
 * Recorded with every grade. Bump it whenever normalisation, stemming, matching, built-in
 * lexicons or scoring change, so stored grades can be told apart from re-grades.
 */
export const GRADER_VERSION = "sigap-grader/2.5.0";
