-- Why (issue 18, the Friday surge): with the ancestors' deltas deferred to COMMIT (0021) every
-- completion of a province still updates the same province and regency rows at its commit and
-- holds them through the WAL flush; on a loaded machine a committing backend that loses its CPU
-- makes the others queue behind it (bench:surge: up to 9 of 10 connections waiting, 11 s of
-- waiting in a minute). Each key now has up to 8 rows (shard = the backend's pid & 7), so
-- concurrent commits from different connections touch different rows. Readers already sum n
-- over the rows of a key; the totals stay exact. (drizzle-kit put ADD COLUMN after the new
-- primary keys that use it; reordered by hand before this migration landed.)
ALTER TABLE "certificate_subtree_rollups" DROP CONSTRAINT "certificate_subtree_rollups_ancestor_id_course_id_expires_on_pk";--> statement-breakpoint
ALTER TABLE "enrollment_subtree_rollups" DROP CONSTRAINT "enrollment_subtree_rollups_ancestor_id_course_id_due_date_state_pk";--> statement-breakpoint
ALTER TABLE "certificate_subtree_rollups" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollment_subtree_rollups" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "certificate_subtree_rollups" ADD CONSTRAINT "certificate_subtree_rollups_ancestor_id_course_id_expires_on_shard_pk" PRIMARY KEY("ancestor_id","course_id","expires_on","shard");--> statement-breakpoint
ALTER TABLE "enrollment_subtree_rollups" ADD CONSTRAINT "enrollment_subtree_rollups_ancestor_id_course_id_due_date_state_shard_pk" PRIMARY KEY("ancestor_id","course_id","due_date","state","shard");--> statement-breakpoint
CREATE OR REPLACE FUNCTION enrollment_subtree_rollup_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The row's change of n, at the agency's path as it is at commit (see agencies_flush_rollups),
  -- in this connection's shard.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO enrollment_subtree_rollups (ancestor_id, course_id, due_date, state, shard, n)
    SELECT anc, OLD.course_id, OLD.due_date, OLD.state, pg_backend_pid() & 7, -OLD.n
    FROM agencies a CROSS JOIN LATERAL agency_ancestors(a.path) AS anc WHERE a.id = OLD.agency_id AND OLD.n <> 0 ORDER BY 1
    ON CONFLICT (ancestor_id, course_id, due_date, state, shard) DO UPDATE SET n = enrollment_subtree_rollups.n + EXCLUDED.n;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO enrollment_subtree_rollups (ancestor_id, course_id, due_date, state, shard, n)
    SELECT anc, NEW.course_id, NEW.due_date, NEW.state, pg_backend_pid() & 7, NEW.n
    FROM agencies a CROSS JOIN LATERAL agency_ancestors(a.path) AS anc WHERE a.id = NEW.agency_id AND NEW.n <> 0 ORDER BY 1
    ON CONFLICT (ancestor_id, course_id, due_date, state, shard) DO UPDATE SET n = enrollment_subtree_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION certificate_subtree_rollup_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO certificate_subtree_rollups (ancestor_id, course_id, expires_on, shard, n)
    SELECT anc, OLD.course_id, OLD.expires_on, pg_backend_pid() & 7, -OLD.n
    FROM agencies a CROSS JOIN LATERAL agency_ancestors(a.path) AS anc WHERE a.id = OLD.agency_id AND OLD.n <> 0 ORDER BY 1
    ON CONFLICT (ancestor_id, course_id, expires_on, shard) DO UPDATE SET n = certificate_subtree_rollups.n + EXCLUDED.n;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO certificate_subtree_rollups (ancestor_id, course_id, expires_on, shard, n)
    SELECT anc, NEW.course_id, NEW.expires_on, pg_backend_pid() & 7, NEW.n
    FROM agencies a CROSS JOIN LATERAL agency_ancestors(a.path) AS anc WHERE a.id = NEW.agency_id AND NEW.n <> 0 ORDER BY 1
    ON CONFLICT (ancestor_id, course_id, expires_on, shard) DO UPDATE SET n = certificate_subtree_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An agency move (rare, an admin's) writes its whole-subtree deltas to shard 0.
CREATE OR REPLACE FUNCTION agencies_subtree_rollup_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
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
  ON CONFLICT (ancestor_id, course_id, due_date, state, shard) DO UPDATE SET n = enrollment_subtree_rollups.n + EXCLUDED.n;
  INSERT INTO certificate_subtree_rollups (ancestor_id, course_id, expires_on, n)
  SELECT anc, r.course_id, r.expires_on, sum(m.sign * r.n)::int
  FROM (SELECT o.id, o.path, -1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path <> n.path
        UNION ALL SELECT n.id, n.path, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path <> n.path) AS m(id, path, sign)
  JOIN certificate_rollups r ON r.agency_id = m.id CROSS JOIN LATERAL agency_ancestors(m.path) AS anc
  GROUP BY 1, 2, 3 HAVING sum(m.sign * r.n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (ancestor_id, course_id, expires_on, shard) DO UPDATE SET n = certificate_subtree_rollups.n + EXCLUDED.n;
  RETURN NULL;
END
$$;
