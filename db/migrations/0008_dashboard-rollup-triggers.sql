-- Dashboard rollups are maintained here, in the database, so every writer (assignments,
-- progress, recertification, imports, admin moves) keeps them right without remembering to.
CREATE FUNCTION enrollment_state(completed_at timestamptz, started_at timestamptz, completed_lessons integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN completed_at IS NOT NULL THEN 'completed'
              WHEN started_at IS NOT NULL OR completed_lessons > 0 THEN 'in_progress'
              ELSE 'not_started' END
$$;
--> statement-breakpoint
CREATE FUNCTION enrollment_rollup_add(p_agency text, p_course text, p_due date, p_state text, p_delta integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO enrollment_rollups (agency_id, course_id, due_date, state, n)
  VALUES (p_agency, p_course, coalesce(p_due, DATE '9999-12-31'), p_state, p_delta)
  ON CONFLICT (agency_id, course_id, due_date, state) DO UPDATE SET n = enrollment_rollups.n + EXCLUDED.n
$$;
--> statement-breakpoint
CREATE FUNCTION certificate_rollup_add(p_agency text, p_course text, p_expires timestamptz, p_delta integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO certificate_rollups (agency_id, course_id, expires_on, n)
  VALUES (p_agency, p_course, p_expires::date, p_delta)
  ON CONFLICT (agency_id, course_id, expires_on) DO UPDATE SET n = certificate_rollups.n + EXCLUDED.n
$$;
--> statement-breakpoint
CREATE FUNCTION enrollments_rollup_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE agency text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT agency_id INTO agency FROM users WHERE id = OLD.user_id;
    IF agency IS NOT NULL THEN
      PERFORM enrollment_rollup_add(agency, OLD.course_id, OLD.due_date, enrollment_state(OLD.completed_at, OLD.started_at, OLD.completed_lessons), -1);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT agency_id INTO agency FROM users WHERE id = NEW.user_id;
    PERFORM enrollment_rollup_add(agency, NEW.course_id, NEW.due_date, enrollment_state(NEW.completed_at, NEW.started_at, NEW.completed_lessons), 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER enrollments_rollup AFTER INSERT OR UPDATE OR DELETE ON enrollments FOR EACH ROW EXECUTE FUNCTION enrollments_rollup_trg();
--> statement-breakpoint
CREATE FUNCTION certificates_rollup_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE agency text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.replaced_by IS NULL AND OLD.revoked_at IS NULL THEN
    SELECT agency_id INTO agency FROM users WHERE id = OLD.user_id;
    IF agency IS NOT NULL THEN PERFORM certificate_rollup_add(agency, OLD.course_id, OLD.expires_at, -1); END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.replaced_by IS NULL AND NEW.revoked_at IS NULL THEN
    SELECT agency_id INTO agency FROM users WHERE id = NEW.user_id;
    PERFORM certificate_rollup_add(agency, NEW.course_id, NEW.expires_at, 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER certificates_rollup AFTER INSERT OR UPDATE OR DELETE ON certificates FOR EACH ROW EXECUTE FUNCTION certificates_rollup_trg();
--> statement-breakpoint
-- A learner moving to another unit takes their numbers along. Grouped first: ON CONFLICT may
-- touch each rollup row only once per statement.
CREATE FUNCTION users_agency_rollup_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.agency_id IS DISTINCT FROM OLD.agency_id THEN
    INSERT INTO enrollment_rollups (agency_id, course_id, due_date, state, n)
    SELECT a.agency_id, e.course_id, coalesce(e.due_date, DATE '9999-12-31'), enrollment_state(e.completed_at, e.started_at, e.completed_lessons), sum(a.delta)::int
    FROM enrollments e CROSS JOIN (VALUES (OLD.agency_id, -1), (NEW.agency_id, 1)) AS a(agency_id, delta)
    WHERE e.user_id = NEW.id
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (agency_id, course_id, due_date, state) DO UPDATE SET n = enrollment_rollups.n + EXCLUDED.n;
    INSERT INTO certificate_rollups (agency_id, course_id, expires_on, n)
    SELECT a.agency_id, c.course_id, c.expires_at::date, sum(a.delta)::int
    FROM certificates c CROSS JOIN (VALUES (OLD.agency_id, -1), (NEW.agency_id, 1)) AS a(agency_id, delta)
    WHERE c.user_id = NEW.id AND c.replaced_by IS NULL AND c.revoked_at IS NULL
    GROUP BY 1, 2, 3
    ON CONFLICT (agency_id, course_id, expires_on) DO UPDATE SET n = certificate_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_agency_rollup AFTER UPDATE OF agency_id ON users FOR EACH ROW EXECUTE FUNCTION users_agency_rollup_trg();
--> statement-breakpoint
-- Existing data (databases migrated before the rollups existed).
INSERT INTO enrollment_rollups (agency_id, course_id, due_date, state, n)
SELECT u.agency_id, e.course_id, coalesce(e.due_date, DATE '9999-12-31'), enrollment_state(e.completed_at, e.started_at, e.completed_lessons), count(*)::int
FROM enrollments e JOIN users u ON u.id = e.user_id GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO certificate_rollups (agency_id, course_id, expires_on, n)
SELECT u.agency_id, c.course_id, c.expires_at::date, count(*)::int
FROM certificates c JOIN users u ON u.id = c.user_id WHERE c.replaced_by IS NULL AND c.revoked_at IS NULL GROUP BY 1, 2, 3;
