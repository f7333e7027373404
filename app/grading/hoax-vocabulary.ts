/**
 * The hoax lab's fixed vocabulary: types of misinformation, red flags, verification steps and the
 * pillar each step serves. No imports, so a page that only lists them (the printable checklist)
 * does not pull the grader and zod into its browser bundle.
 */
export const HOAX_TYPES = ["satire", "false-connection", "misleading", "false-context", "imposter", "manipulated", "fabricated", "true"] as const;
export const RED_FLAGS = [
  "urgency",
  "share-request",
  "no-source",
  "odd-url",
  "odd-sender",
  "old-media",
  "edited-letterhead",
  "too-good",
  "emotional",
  "money-or-data",
  "attachment",
  "no-date",
] as const;
export const VERIFICATION_STEPS = [
  "find-original",
  "reverse-image",
  "check-official",
  "ask-agency",
  "check-factcheck",
  "factcheck-explorer",
  "check-date",
  "check-location",
  "check-motive",
  "check-url",
  "check-voice",
] as const;
/** Which of the five verification pillars each step serves. */
export const STEP_PILLAR: Record<VerificationStep, "provenance" | "source" | "date" | "location" | "motivation"> = {
  "find-original": "provenance",
  "reverse-image": "provenance",
  "check-official": "source",
  "ask-agency": "source",
  "check-factcheck": "source",
  "factcheck-explorer": "source",
  "check-date": "date",
  "check-location": "location",
  "check-motive": "motivation",
  "check-url": "source",
  "check-voice": "source",
};
export type HoaxType = (typeof HOAX_TYPES)[number];
export type RedFlag = (typeof RED_FLAGS)[number];
export type VerificationStep = (typeof VERIFICATION_STEPS)[number];
