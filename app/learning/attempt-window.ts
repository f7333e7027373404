/**
 * Final-quiz attempt limits, decision 011: at most `max` submitted attempts in any rolling
 * `windowHours`. Pure; the server applies it under a per-learner-and-quiz lock.
 */
export type AttemptRule = { max: number; windowHours: number };

export type Allowance = {
  /** Submitted attempts inside the window ending now. */
  used: number;
  remaining: number;
  /** When the next attempt may be submitted; null while one is allowed now. */
  opensAt: Date | null;
};

const HOUR = 60 * 60 * 1000;

/** An attempt submitted at `t` counts until `t + windowHours` (exclusive). */
export function attemptAllowance(submittedAt: Date[], rule: AttemptRule, now: Date = new Date()): Allowance {
  const windowMs = rule.windowHours * HOUR;
  const inWindow = submittedAt
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - windowMs && t <= now.getTime())
    .sort((a, b) => a - b);
  const used = inWindow.length;
  if (used < rule.max) return { used, remaining: rule.max - used, opensAt: null };
  // The attempt whose expiry brings the count back under the limit.
  return { used, remaining: 0, opensAt: new Date(inWindow[used - rule.max]! + windowMs) };
}
