-- Decision 011: a suspended certificate is not a current one, so the dashboard's certificate
-- rollups leave it out while it is suspended and count it again when it is restored (the update
-- trigger already subtracts the old row and adds the new one). Nothing is suspended before this
-- migration (the column is new in 0014), so no existing rows need recounting.
CREATE OR REPLACE FUNCTION certificates_rollup_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO certificate_rollups (agency_id, course_id, expires_on, n)
    SELECT agency_id, course_id, expires_on, sum(delta)::int FROM (
    SELECT u.agency_id, r.course_id, r.expires_at::date, 1
    FROM new_rows r JOIN users u ON u.id = r.user_id WHERE r.replaced_by IS NULL AND r.revoked_at IS NULL AND r.suspended_at IS NULL
    ) AS d(agency_id, course_id, expires_on, delta)
    GROUP BY agency_id, course_id, expires_on HAVING sum(delta) <> 0 ORDER BY agency_id, course_id, expires_on
    ON CONFLICT (agency_id, course_id, expires_on) DO UPDATE SET n = certificate_rollups.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO certificate_rollups (agency_id, course_id, expires_on, n)
    SELECT agency_id, course_id, expires_on, sum(delta)::int FROM (
    SELECT u.agency_id, r.course_id, r.expires_at::date, -1
    FROM old_rows r JOIN users u ON u.id = r.user_id WHERE r.replaced_by IS NULL AND r.revoked_at IS NULL AND r.suspended_at IS NULL
    ) AS d(agency_id, course_id, expires_on, delta)
    GROUP BY agency_id, course_id, expires_on HAVING sum(delta) <> 0 ORDER BY agency_id, course_id, expires_on
    ON CONFLICT (agency_id, course_id, expires_on) DO UPDATE SET n = certificate_rollups.n + EXCLUDED.n;
  ELSE
    INSERT INTO certificate_rollups (agency_id, course_id, expires_on, n)
    SELECT agency_id, course_id, expires_on, sum(delta)::int FROM (
    SELECT u.agency_id, r.course_id, r.expires_at::date, -1
    FROM old_rows r JOIN users u ON u.id = r.user_id WHERE r.replaced_by IS NULL AND r.revoked_at IS NULL AND r.suspended_at IS NULL
    UNION ALL
    SELECT u.agency_id, r.course_id, r.expires_at::date, 1
    FROM new_rows r JOIN users u ON u.id = r.user_id WHERE r.replaced_by IS NULL AND r.revoked_at IS NULL AND r.suspended_at IS NULL
    ) AS d(agency_id, course_id, expires_on, delta)
    GROUP BY agency_id, course_id, expires_on HAVING sum(delta) <> 0 ORDER BY agency_id, course_id, expires_on
    ON CONFLICT (agency_id, course_id, expires_on) DO UPDATE SET n = certificate_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION users_agency_rollup_trg() RETURNS trigger LANGUAGE plpgsql AS $$
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
    WHERE c.user_id = NEW.id AND c.replaced_by IS NULL AND c.revoked_at IS NULL AND c.suspended_at IS NULL
    GROUP BY 1, 2, 3
    ON CONFLICT (agency_id, course_id, expires_on) DO UPDATE SET n = certificate_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
