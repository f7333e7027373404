CREATE TABLE "certificate_subtree_rollups" (
	"ancestor_id" text NOT NULL,
	"course_id" text NOT NULL,
	"expires_on" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "certificate_subtree_rollups_ancestor_id_course_id_expires_on_pk" PRIMARY KEY("ancestor_id","course_id","expires_on")
);
--> statement-breakpoint
CREATE TABLE "enrollment_subtree_rollups" (
	"ancestor_id" text NOT NULL,
	"course_id" text NOT NULL,
	"due_date" date NOT NULL,
	"state" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "enrollment_subtree_rollups_ancestor_id_course_id_due_date_state_pk" PRIMARY KEY("ancestor_id","course_id","due_date","state")
);
--> statement-breakpoint
-- Why: the dashboard's per-course totals summed ~30,000 per-agency rollup rows for a province on
-- every view. These tables hold each agency's whole-subtree counters, so a scope's totals are the
-- rows of its top agency. They change only when a per-agency rollup row changes (a learner
-- starts, completes, is certified, moves unit) or an agency moves — not on every lesson read.
-- Every ancestor on the agency's path (itself included) takes the same delta.
CREATE FUNCTION agency_ancestors(p_path text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT unnest(string_to_array(trim(both '/' from p_path), '/'))
$$;
--> statement-breakpoint
CREATE FUNCTION enrollment_subtree_rollup_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its event has (as in migration 0009).
  IF TG_OP = 'INSERT' THEN
    INSERT INTO enrollment_subtree_rollups (ancestor_id, course_id, due_date, state, n)
    SELECT anc, d.course_id, d.due_date, d.state, sum(d.delta)::int
    FROM (SELECT agency_id, course_id, due_date, state, n FROM new_rows) AS d(agency_id, course_id, due_date, state, delta)
    JOIN agencies a ON a.id = d.agency_id CROSS JOIN LATERAL agency_ancestors(a.path) AS anc
    GROUP BY 1, 2, 3, 4 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (ancestor_id, course_id, due_date, state) DO UPDATE SET n = enrollment_subtree_rollups.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO enrollment_subtree_rollups (ancestor_id, course_id, due_date, state, n)
    SELECT anc, d.course_id, d.due_date, d.state, sum(d.delta)::int
    FROM (SELECT agency_id, course_id, due_date, state, -n FROM old_rows) AS d(agency_id, course_id, due_date, state, delta)
    JOIN agencies a ON a.id = d.agency_id CROSS JOIN LATERAL agency_ancestors(a.path) AS anc
    GROUP BY 1, 2, 3, 4 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (ancestor_id, course_id, due_date, state) DO UPDATE SET n = enrollment_subtree_rollups.n + EXCLUDED.n;
  ELSE
    INSERT INTO enrollment_subtree_rollups (ancestor_id, course_id, due_date, state, n)
    SELECT anc, d.course_id, d.due_date, d.state, sum(d.delta)::int
    FROM (SELECT agency_id, course_id, due_date, state, -n FROM old_rows
          UNION ALL SELECT agency_id, course_id, due_date, state, n FROM new_rows) AS d(agency_id, course_id, due_date, state, delta)
    JOIN agencies a ON a.id = d.agency_id CROSS JOIN LATERAL agency_ancestors(a.path) AS anc
    GROUP BY 1, 2, 3, 4 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (ancestor_id, course_id, due_date, state) DO UPDATE SET n = enrollment_subtree_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION certificate_subtree_rollup_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO certificate_subtree_rollups (ancestor_id, course_id, expires_on, n)
    SELECT anc, d.course_id, d.expires_on, sum(d.delta)::int
    FROM (SELECT agency_id, course_id, expires_on, n FROM new_rows) AS d(agency_id, course_id, expires_on, delta)
    JOIN agencies a ON a.id = d.agency_id CROSS JOIN LATERAL agency_ancestors(a.path) AS anc
    GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (ancestor_id, course_id, expires_on) DO UPDATE SET n = certificate_subtree_rollups.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO certificate_subtree_rollups (ancestor_id, course_id, expires_on, n)
    SELECT anc, d.course_id, d.expires_on, sum(d.delta)::int
    FROM (SELECT agency_id, course_id, expires_on, -n FROM old_rows) AS d(agency_id, course_id, expires_on, delta)
    JOIN agencies a ON a.id = d.agency_id CROSS JOIN LATERAL agency_ancestors(a.path) AS anc
    GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (ancestor_id, course_id, expires_on) DO UPDATE SET n = certificate_subtree_rollups.n + EXCLUDED.n;
  ELSE
    INSERT INTO certificate_subtree_rollups (ancestor_id, course_id, expires_on, n)
    SELECT anc, d.course_id, d.expires_on, sum(d.delta)::int
    FROM (SELECT agency_id, course_id, expires_on, -n FROM old_rows
          UNION ALL SELECT agency_id, course_id, expires_on, n FROM new_rows) AS d(agency_id, course_id, expires_on, delta)
    JOIN agencies a ON a.id = d.agency_id CROSS JOIN LATERAL agency_ancestors(a.path) AS anc
    GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (ancestor_id, course_id, expires_on) DO UPDATE SET n = certificate_subtree_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An agency move rewrites the paths of its whole subtree in one UPDATE: each moved agency's own
-- counters leave its old ancestors and join its new ones (ancestors on both paths net to zero).
-- Transition tables may not be combined with a column list, so renames fire it too and find no
-- changed path.
CREATE FUNCTION agencies_subtree_rollup_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path <> n.path) THEN
    RETURN NULL;
  END IF;
  INSERT INTO enrollment_subtree_rollups (ancestor_id, course_id, due_date, state, n)
  SELECT anc, r.course_id, r.due_date, r.state, sum(m.sign * r.n)::int
  FROM (SELECT o.id, o.path, -1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path <> n.path
        UNION ALL SELECT n.id, n.path, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path <> n.path) AS m(id, path, sign)
  JOIN enrollment_rollups r ON r.agency_id = m.id CROSS JOIN LATERAL agency_ancestors(m.path) AS anc
  GROUP BY 1, 2, 3, 4 HAVING sum(m.sign * r.n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (ancestor_id, course_id, due_date, state) DO UPDATE SET n = enrollment_subtree_rollups.n + EXCLUDED.n;
  INSERT INTO certificate_subtree_rollups (ancestor_id, course_id, expires_on, n)
  SELECT anc, r.course_id, r.expires_on, sum(m.sign * r.n)::int
  FROM (SELECT o.id, o.path, -1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path <> n.path
        UNION ALL SELECT n.id, n.path, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path <> n.path) AS m(id, path, sign)
  JOIN certificate_rollups r ON r.agency_id = m.id CROSS JOIN LATERAL agency_ancestors(m.path) AS anc
  GROUP BY 1, 2, 3 HAVING sum(m.sign * r.n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (ancestor_id, course_id, expires_on) DO UPDATE SET n = certificate_subtree_rollups.n + EXCLUDED.n;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER enrollment_rollups_subtree_ins AFTER INSERT ON enrollment_rollups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_subtree_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER enrollment_rollups_subtree_upd AFTER UPDATE ON enrollment_rollups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_subtree_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER enrollment_rollups_subtree_del AFTER DELETE ON enrollment_rollups REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_subtree_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER certificate_rollups_subtree_ins AFTER INSERT ON certificate_rollups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION certificate_subtree_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER certificate_rollups_subtree_upd AFTER UPDATE ON certificate_rollups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION certificate_subtree_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER certificate_rollups_subtree_del AFTER DELETE ON certificate_rollups REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION certificate_subtree_rollup_stmt();
--> statement-breakpoint
CREATE TRIGGER agencies_subtree_rollup AFTER UPDATE ON agencies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agencies_subtree_rollup_stmt();
--> statement-breakpoint
-- Existing data.
INSERT INTO enrollment_subtree_rollups (ancestor_id, course_id, due_date, state, n)
SELECT anc, r.course_id, r.due_date, r.state, sum(r.n)::int
FROM enrollment_rollups r JOIN agencies a ON a.id = r.agency_id CROSS JOIN LATERAL agency_ancestors(a.path) AS anc
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO certificate_subtree_rollups (ancestor_id, course_id, expires_on, n)
SELECT anc, r.course_id, r.expires_on, sum(r.n)::int
FROM certificate_rollups r JOIN agencies a ON a.id = r.agency_id CROSS JOIN LATERAL agency_ancestors(a.path) AS anc
GROUP BY 1, 2, 3;
