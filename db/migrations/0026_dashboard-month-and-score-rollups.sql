-- Why (issue 18, the province dashboard): 1) its certificates-per-month chart counted every
-- certificate issued in the scope in the last 12 months (~20,000 rows for a province, 20–100 ms
-- of PostgreSQL per view). Certificates issued now keep a count per ancestor of the agency at
-- issue, course and Jakarta month, so a view sums the scope's top agency's rows for 12 months.
-- The count is of certificates issued, whatever became of them (revoked, suspended, replaced
-- still count, as before); only an insert, a delete or a change of agency, course or issue time
-- moves it. As in 0021/0024: the deltas go to the ancestors at COMMIT (deferred constraint
-- triggers), so a completion's certificate holds the province's row only while it commits, and
-- each key is split over up to 8 rows (shard = the backend's pid & 7). An agency move moves its
-- certificates' counts from the old ancestors to the new ones (shard 0), after pending deltas
-- were applied on the old path (agencies_flush_rollups).
-- 2) Its pre-test vs final means read every submitted final-quiz attempt of the scope (a province
-- with two quizzes per learner: ~330,000 attempts, 1.4–2.4 s per view). Each learner's score per
-- course and purpose (lowest pre-test, best final) is now kept in quiz_learner_scores and summed
-- per learner agency in quiz_score_rollups (learners, scored, total), so a province's means read
-- its ~2,000 units' rows. Both are immediate: an attempt's submit touches its learner's rows and
-- its unit's, shared only by the unit's learners, like certificate_rollups.
CREATE TABLE "certificate_month_rollups" (
	"ancestor_id" text NOT NULL,
	"course_id" text NOT NULL,
	"month" date NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "certificate_month_rollups_ancestor_id_course_id_month_shard_pk" PRIMARY KEY("ancestor_id","course_id","month","shard")
);
--> statement-breakpoint
CREATE TABLE "quiz_learner_scores" (
	"user_id" text NOT NULL,
	"course_id" text NOT NULL,
	"purpose" "quiz_attempt_purpose" NOT NULL,
	"agency_id" text,
	"score" integer,
	CONSTRAINT "quiz_learner_scores_user_id_course_id_purpose_pk" PRIMARY KEY("user_id","course_id","purpose")
);
--> statement-breakpoint
CREATE TABLE "quiz_score_rollups" (
	"agency_id" text NOT NULL,
	"course_id" text NOT NULL,
	"purpose" "quiz_attempt_purpose" NOT NULL,
	"learners" integer NOT NULL,
	"scored" integer NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "quiz_score_rollups_agency_id_course_id_purpose_pk" PRIMARY KEY("agency_id","course_id","purpose")
);
--> statement-breakpoint
CREATE FUNCTION jakarta_month(t timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT date_trunc('month', t AT TIME ZONE 'Asia/Jakarta')::date
$$;
--> statement-breakpoint
CREATE FUNCTION certificate_month_rollup_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The certificate's change of count, at its agency's path as it is at commit, in this
  -- connection's shard.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO certificate_month_rollups (ancestor_id, course_id, month, shard, n)
    SELECT anc, OLD.course_id, jakarta_month(OLD.issued_at), pg_backend_pid() & 7, -1
    FROM agencies a CROSS JOIN LATERAL agency_ancestors(a.path) AS anc WHERE a.id = OLD.agency_id ORDER BY 1
    ON CONFLICT (ancestor_id, course_id, month, shard) DO UPDATE SET n = certificate_month_rollups.n + EXCLUDED.n;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO certificate_month_rollups (ancestor_id, course_id, month, shard, n)
    SELECT anc, NEW.course_id, jakarta_month(NEW.issued_at), pg_backend_pid() & 7, 1
    FROM agencies a CROSS JOIN LATERAL agency_ancestors(a.path) AS anc WHERE a.id = NEW.agency_id ORDER BY 1
    ON CONFLICT (ancestor_id, course_id, month, shard) DO UPDATE SET n = certificate_month_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER certificates_month_rollup AFTER INSERT OR DELETE ON certificates DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION certificate_month_rollup_row();
--> statement-breakpoint
-- Revocations, suspensions and replacements change none of the three keys: no event at all.
CREATE CONSTRAINT TRIGGER certificates_month_rollup_upd AFTER UPDATE OF agency_id, course_id, issued_at ON certificates DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.course_id IS DISTINCT FROM NEW.course_id OR OLD.issued_at IS DISTINCT FROM NEW.issued_at)
  EXECUTE FUNCTION certificate_month_rollup_row();
--> statement-breakpoint
CREATE FUNCTION agencies_certificate_month_rollup_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path <> n.path) THEN
    RETURN NULL;
  END IF;
  INSERT INTO certificate_month_rollups (ancestor_id, course_id, month, n)
  SELECT anc, c.course_id, jakarta_month(c.issued_at), sum(m.sign)::int
  FROM (SELECT o.id, o.path, -1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path <> n.path
        UNION ALL SELECT n.id, n.path, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path <> n.path) AS m(id, path, sign)
  JOIN certificates c ON c.agency_id = m.id CROSS JOIN LATERAL agency_ancestors(m.path) AS anc
  GROUP BY 1, 2, 3 HAVING sum(m.sign) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (ancestor_id, course_id, month, shard) DO UPDATE SET n = certificate_month_rollups.n + EXCLUDED.n;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agencies_certificate_month_rollup AFTER UPDATE ON agencies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agencies_certificate_month_rollup_stmt();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION agencies_flush_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SET CONSTRAINTS enrollment_rollups_subtree, certificate_rollups_subtree, certificates_month_rollup, certificates_month_rollup_upd IMMEDIATE;
  SET CONSTRAINTS enrollment_rollups_subtree, certificate_rollups_subtree, certificates_month_rollup, certificates_month_rollup_upd DEFERRED;
  RETURN NULL;
END
$$;
--> statement-breakpoint
INSERT INTO certificate_month_rollups (ancestor_id, course_id, month, n)
SELECT anc, c.course_id, jakarta_month(c.issued_at), count(*)::int
FROM certificates c JOIN agencies a ON a.id = c.agency_id CROSS JOIN LATERAL agency_ancestors(a.path) AS anc
GROUP BY 1, 2, 3;

--> statement-breakpoint
-- Sets one learner's score for a course and purpose and moves the unit's sums by the difference
-- (the learner row is locked first, so two writes of one learner's attempts apply in turn). A
-- newly submitted attempt (p_added) only lowers a pre-test or raises a final score: no recount,
-- which also keeps a bulk load linear; any other change recounts the learner's attempts.
CREATE FUNCTION quiz_learner_score_refresh(p_user text, p_course text, p_purpose quiz_attempt_purpose, p_added boolean, p_score int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  prev quiz_learner_scores%ROWTYPE;
  had boolean;
  attempts int;
  best int;
  agency text;
BEGIN
  SELECT * INTO prev FROM quiz_learner_scores WHERE user_id = p_user AND course_id = p_course AND purpose = p_purpose FOR UPDATE;
  had := FOUND;
  IF p_added THEN
    attempts := 1;
    -- least/greatest skip nulls, as min/max do.
    best := CASE WHEN NOT had THEN p_score WHEN p_purpose = 'pretest' THEN least(prev.score, p_score) ELSE greatest(prev.score, p_score) END;
  ELSE
    SELECT count(*), CASE WHEN p_purpose = 'pretest' THEN min(score) ELSE max(score) END INTO attempts, best
    FROM final_quiz_attempts WHERE user_id = p_user AND course_id = p_course AND purpose = p_purpose AND submitted_at IS NOT NULL;
  END IF;
  IF (had AND attempts > 0 AND prev.score IS NOT DISTINCT FROM best) OR (NOT had AND attempts = 0) THEN
    RETURN;
  END IF;
  IF had AND prev.agency_id IS NOT NULL THEN
    INSERT INTO quiz_score_rollups (agency_id, course_id, purpose, learners, scored, total)
    VALUES (prev.agency_id, p_course, p_purpose, -1, -(prev.score IS NOT NULL)::int, -coalesce(prev.score, 0))
    ON CONFLICT (agency_id, course_id, purpose) DO UPDATE SET learners = quiz_score_rollups.learners + EXCLUDED.learners,
      scored = quiz_score_rollups.scored + EXCLUDED.scored, total = quiz_score_rollups.total + EXCLUDED.total;
  END IF;
  IF attempts = 0 THEN
    DELETE FROM quiz_learner_scores WHERE user_id = p_user AND course_id = p_course AND purpose = p_purpose;
    RETURN;
  END IF;
  agency := CASE WHEN had THEN prev.agency_id ELSE (SELECT u.agency_id FROM users u WHERE u.id = p_user) END;
  INSERT INTO quiz_learner_scores (user_id, course_id, purpose, agency_id, score) VALUES (p_user, p_course, p_purpose, agency, best)
  ON CONFLICT (user_id, course_id, purpose) DO UPDATE SET score = EXCLUDED.score;
  IF agency IS NOT NULL THEN
    INSERT INTO quiz_score_rollups (agency_id, course_id, purpose, learners, scored, total)
    VALUES (agency, p_course, p_purpose, 1, (best IS NOT NULL)::int, coalesce(best, 0))
    ON CONFLICT (agency_id, course_id, purpose) DO UPDATE SET learners = quiz_score_rollups.learners + EXCLUDED.learners,
      scored = quiz_score_rollups.scored + EXCLUDED.scored, total = quiz_score_rollups.total + EXCLUDED.total;
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION final_quiz_attempts_score_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Submitting (an insert of a submitted attempt, or the update that submits an open one).
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.submitted_at IS NULL AND NEW.submitted_at IS NOT NULL
                          AND (OLD.user_id, OLD.course_id, OLD.purpose) IS NOT DISTINCT FROM (NEW.user_id, NEW.course_id, NEW.purpose)) THEN
    PERFORM quiz_learner_score_refresh(NEW.user_id, NEW.course_id, NEW.purpose, true, NEW.score);
    RETURN NULL;
  END IF;
  PERFORM quiz_learner_score_refresh(OLD.user_id, OLD.course_id, OLD.purpose, false, NULL);
  IF TG_OP = 'UPDATE' AND (OLD.user_id, OLD.course_id, OLD.purpose) IS DISTINCT FROM (NEW.user_id, NEW.course_id, NEW.purpose) THEN
    PERFORM quiz_learner_score_refresh(NEW.user_id, NEW.course_id, NEW.purpose, false, NULL);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Starting an attempt (not submitted) and saving answers change no score: no recount.
CREATE TRIGGER final_quiz_attempts_score_ins AFTER INSERT ON final_quiz_attempts FOR EACH ROW WHEN (NEW.submitted_at IS NOT NULL) EXECUTE FUNCTION final_quiz_attempts_score_row();
--> statement-breakpoint
CREATE TRIGGER final_quiz_attempts_score_upd AFTER UPDATE ON final_quiz_attempts FOR EACH ROW
  WHEN ((OLD.submitted_at IS NULL) IS DISTINCT FROM (NEW.submitted_at IS NULL) OR OLD.score IS DISTINCT FROM NEW.score
        OR (OLD.user_id, OLD.course_id, OLD.purpose) IS DISTINCT FROM (NEW.user_id, NEW.course_id, NEW.purpose))
  EXECUTE FUNCTION final_quiz_attempts_score_row();
--> statement-breakpoint
CREATE TRIGGER final_quiz_attempts_score_del AFTER DELETE ON final_quiz_attempts FOR EACH ROW WHEN (OLD.submitted_at IS NOT NULL) EXECUTE FUNCTION final_quiz_attempts_score_row();
--> statement-breakpoint
-- A learner moving unit takes their scores along.
CREATE FUNCTION users_move_quiz_scores() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO quiz_score_rollups (agency_id, course_id, purpose, learners, scored, total)
  SELECT m.agency, s.course_id, s.purpose, sum(m.sign)::int, sum(m.sign * (s.score IS NOT NULL)::int)::int, sum(m.sign * coalesce(s.score, 0))
  FROM quiz_learner_scores s CROSS JOIN LATERAL (VALUES (s.agency_id, -1), (NEW.agency_id, 1)) AS m(agency, sign)
  WHERE s.user_id = NEW.id AND m.agency IS NOT NULL
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (agency_id, course_id, purpose) DO UPDATE SET learners = quiz_score_rollups.learners + EXCLUDED.learners,
    scored = quiz_score_rollups.scored + EXCLUDED.scored, total = quiz_score_rollups.total + EXCLUDED.total;
  UPDATE quiz_learner_scores SET agency_id = NEW.agency_id WHERE user_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_move_quiz_scores AFTER UPDATE OF agency_id ON users FOR EACH ROW WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id) EXECUTE FUNCTION users_move_quiz_scores();
--> statement-breakpoint
INSERT INTO quiz_learner_scores (user_id, course_id, purpose, agency_id, score)
SELECT f.user_id, f.course_id, f.purpose, u.agency_id, CASE WHEN f.purpose = 'pretest' THEN min(f.score) ELSE max(f.score) END
FROM final_quiz_attempts f JOIN users u ON u.id = f.user_id WHERE f.submitted_at IS NOT NULL
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO quiz_score_rollups (agency_id, course_id, purpose, learners, scored, total)
SELECT agency_id, course_id, purpose, count(*)::int, count(score)::int, coalesce(sum(score), 0)
FROM quiz_learner_scores WHERE agency_id IS NOT NULL GROUP BY 1, 2, 3;
