import { useEffect, useState } from "react";
import { useT } from "~/utils/i18n";

/** Counts up while the learner writes (never blocks). Without JavaScript only the target shows. */
export function ReplyTimer({ targetSeconds }: { targetSeconds: number | null }) {
  const t = useT();
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    const started = Date.now();
    setSeconds(0);
    const id = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(id);
  }, []);
  const late = seconds !== null && targetSeconds !== null && seconds > targetSeconds;
  return (
    <p className="reply-timer">
      {targetSeconds ? <span>{t("exercise.target", { minutes: Math.round((targetSeconds / 60) * 10) / 10 })}</span> : null}
      {seconds !== null ? (
        <span role="timer" aria-live="off" className={late ? "late" : ""}>
          {" · "}
          {t("exercise.timer")} {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, "0")}
        </span>
      ) : null}
    </p>
  );
}
