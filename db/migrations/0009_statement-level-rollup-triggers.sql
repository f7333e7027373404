-- Rollups per statement instead of per row: an assignment enrolling a whole province (100,000
-- rows in one INSERT … SELECT) now makes one grouped upsert per rollup key, not 100,000 updates
-- of the same few rows — which serialised on their locks and left the rollup tables bloated
-- with dead versions that every dashboard read then had to scan.
-- PostgreSQL allows transition tables only on single-event triggers, hence three per table.
-- Keys are upserted in sorted order so two concurrent statements lock rollup rows alike.
DROP TRIGGER enrollments_rollup ON enrollments;
--> statement-breakpoint
DROP FUNCTION enrollments_rollup_trg();
--> statement-breakpoint
DROP TRIGGER certificates_rollup ON certificates;
--> statement-breakpoint
DROP FUNCTION certificates_rollup_trg();
--> statement-breakpoint
CREATE FUNCTION enrollments_rollup_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO enrollment_rollups (agency_id, course_id, due_date, state, n)
    SELECT agency_id, course_id, due_date, state, sum(delta)::int FROM (
    SELECT u.agency_id, r.course_id, coalesce(r.due_date, DATE '9999-12-31'), enrollment_state(r.completed_at, r.started_at, r.completed_lessons), 1
    FROM new_rows r JOIN users u ON u.id = r.user_id
    ) AS d(agency_id, course_id, due_date, state, delta)
    GROUP BY agency_id, course_id, due_date, state HAVING sum(delta) <> 0 ORDER BY agency_id, course_id, due_date, state
    ON CONFLICT (agency_id, course_id, due_date, state) DO UPDATE SET n = enrollment_rollups.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO enrollment_rollups (agency_id, course_id, due_date, state, n)
    SELECT agency_id, course_id, due_date, state, sum(delta)::int FROM (
    SELECT u.agency_id, r.course_id, coalesce(r.due_date, DATE '9999-12-31'), enrollment_state(r.completed_at, r.started_at, r.completed_lessons), -1
    FROM old_rows r JOIN users u ON u.id = r.user_id
    ) AS d(agency_id, course_id, due_date, state, delta)
    GROUP BY agency_id, course_id, due_date, state HAVING sum(delta) <> 0 ORDER BY agency_id, course_id, due_date, state
    ON CONFLICT (agency_id, course_id, due_date, state) DO UPDATE SET n = enrollment_rollups.n + EXCLUDED.n;
  ELSE
    INSERT INTO enrollment_rollups (agency_id, course_id, due_date, state, n)
    SELECT agency_id, course_id, due_date, state, sum(delta)::int FROM (
    SELECT u.agency_id, r.course_id, coalesce(r.due_date, DATE '9999-12-31'), enrollment_state(r.completed_at, r.started_at, r.completed_lessons), -1
    FROM old_rows r JOIN users u ON u.id = r.user_id
    UNION ALL
    SELECT u.agency_id, r.course_id, coalesce(r.due_date, DATE '9999-12-31'), enrollment_state(r.completed_at, r.started_at, r.completed_lessons), 1
    FROM new_rows r JOIN users u ON u.id = r.user_id
    ) AS d(agency_id, course_id, due_date, state, delta)
    GROUP BY agency_id, course_id, due_date, state HAVING sum(delta) <> 0 ORDER BY agency_id, course_id, due_date, state
    ON CONFLICT (agency_id, course_id, due_date, state) DO UPDATE SET n = enrollment_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION certificates_rollup_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO certificate_rollups (agency_id, course_id, expires_on, n)
    SELECT agency_id, course_id, expires_on, sum(delta)::int FROM (
    SELECT u.agency_id, r.course_id, r.expires_at::date, 1
    FROM new_rows r JOIN users u ON u.id = r.user_id WHERE r.replaced_by IS NULL AND r.revoked_at IS NULL
    ) AS d(agency_id, course_id, expires_on, delta)
    GROUP BY agency_id, course_id, expires_on HAVING sum(delta) <> 0 ORDER BY agency_id, course_id, expires_on
    ON CONFLICT (agency_id, course_id, expires_on) DO UPDATE SET n = certificate_rollups.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO certificate_rollups (agency_id, course_id, expires_on, n)
    SELECT agency_id, course_id, expires_on, sum(delta)::int FROM (
    SELECT u.agency_id, r.course_id, r.expires_at::date, -1
    FROM old_rows r JOIN users u ON u.id = r.user_id WHERE r.replaced_by IS NULL AND r.revoked_at IS NULL
    ) AS d(agency_id, course_id, expires_on, delta)
    GROUP BY agency_id, course_id, expires_on HAVING sum(delta) <> 0 ORDER BY agency_id, course_id, expires_on
    ON CONFLICT (agency_id, course_id, expires_on) DO UPDATE SET n = certificate_rollups.n + EXCLUDED.n;
  ELSE
    INSERT INTO certificate_rollups (agency_id, course_id, expires_on, n)
    SELECT agency_id, course_id, expires_on, sum(delta)::int FROM (
    SELECT u.agency_id, r.course_id, r.expires_at::date, -1
    FROM old_rows r JOIN users u ON u.id = r.user_id WHERE r.replaced_by IS NULL AND r.revoked_at IS NULL
    UNION ALL
    SELECT u.agency_id, r.course_id, r.expires_at::date, 1
    FROM new_rows r JOIN users u ON u.id = r.user_id WHERE r.replaced_by IS NULL AND r.revoked_at IS NULL
    ) AS d(agency_id, course_id, expires_on, delta)
    GROUP BY agency_id, course_id, expires_on HAVING sum(delta) <> 0 ORDER BY agency_id, course_id, expires_on
    ON CONFLICT (agency_id, course_id, expires_on) DO UPDATE SET n = certificate_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER enrollments_rollup_ins AFTER INSERT ON enrollments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollments_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER enrollments_rollup_upd AFTER UPDATE ON enrollments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollments_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER enrollments_rollup_del AFTER DELETE ON enrollments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollments_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER certificates_rollup_ins AFTER INSERT ON certificates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION certificates_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER certificates_rollup_upd AFTER UPDATE ON certificates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION certificates_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER certificates_rollup_del AFTER DELETE ON certificates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION certificates_rollup_stmt();
