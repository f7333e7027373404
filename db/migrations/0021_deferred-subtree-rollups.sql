-- Why (issue 18, the Friday surge): every completion in a province updates the same
-- province/regency rows of the subtree rollups. With immediate triggers those rows stayed locked
-- from the enrollment UPDATE until COMMIT — across the certificate issue and every client round
-- trip in between — so 2,000 learners finishing within a minute queued on them (bench:surge:
-- p50 6.9 s, p99 10.9 s for 200 learners at 33/s on a loaded machine). The per-unit rollups
-- (enrollment_rollups, certificate_rollups) stay immediate: only a unit's own learners share a row.
-- The ancestors now take their deltas at COMMIT (deferred constraint triggers), so a shared row is
-- held only while the commit runs; the counters still change in the same transaction, so the
-- dashboard stays exact. Constraint triggers are per row: a statement that changes many per-unit
-- rollup rows applies one small upsert per row and ancestor (a province-wide assignment: one per
-- unit and ancestor), in path order, as the statement triggers did in key order.
DROP TRIGGER enrollment_rollups_subtree_ins ON enrollment_rollups;
--> statement-breakpoint
DROP TRIGGER enrollment_rollups_subtree_upd ON enrollment_rollups;
--> statement-breakpoint
DROP TRIGGER enrollment_rollups_subtree_del ON enrollment_rollups;
--> statement-breakpoint
DROP TRIGGER certificate_rollups_subtree_ins ON certificate_rollups;
--> statement-breakpoint
DROP TRIGGER certificate_rollups_subtree_upd ON certificate_rollups;
--> statement-breakpoint
DROP TRIGGER certificate_rollups_subtree_del ON certificate_rollups;
--> statement-breakpoint
DROP FUNCTION enrollment_subtree_rollup_stmt();
--> statement-breakpoint
DROP FUNCTION certificate_subtree_rollup_stmt();
--> statement-breakpoint
CREATE FUNCTION enrollment_subtree_rollup_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The row's change of n, at the agency's path as it is at commit (see agencies_flush_rollups).
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO enrollment_subtree_rollups (ancestor_id, course_id, due_date, state, n)
    SELECT anc, OLD.course_id, OLD.due_date, OLD.state, -OLD.n
    FROM agencies a CROSS JOIN LATERAL agency_ancestors(a.path) AS anc WHERE a.id = OLD.agency_id AND OLD.n <> 0 ORDER BY 1
    ON CONFLICT (ancestor_id, course_id, due_date, state) DO UPDATE SET n = enrollment_subtree_rollups.n + EXCLUDED.n;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO enrollment_subtree_rollups (ancestor_id, course_id, due_date, state, n)
    SELECT anc, NEW.course_id, NEW.due_date, NEW.state, NEW.n
    FROM agencies a CROSS JOIN LATERAL agency_ancestors(a.path) AS anc WHERE a.id = NEW.agency_id AND NEW.n <> 0 ORDER BY 1
    ON CONFLICT (ancestor_id, course_id, due_date, state) DO UPDATE SET n = enrollment_subtree_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION certificate_subtree_rollup_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO certificate_subtree_rollups (ancestor_id, course_id, expires_on, n)
    SELECT anc, OLD.course_id, OLD.expires_on, -OLD.n
    FROM agencies a CROSS JOIN LATERAL agency_ancestors(a.path) AS anc WHERE a.id = OLD.agency_id AND OLD.n <> 0 ORDER BY 1
    ON CONFLICT (ancestor_id, course_id, expires_on) DO UPDATE SET n = certificate_subtree_rollups.n + EXCLUDED.n;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO certificate_subtree_rollups (ancestor_id, course_id, expires_on, n)
    SELECT anc, NEW.course_id, NEW.expires_on, NEW.n
    FROM agencies a CROSS JOIN LATERAL agency_ancestors(a.path) AS anc WHERE a.id = NEW.agency_id AND NEW.n <> 0 ORDER BY 1
    ON CONFLICT (ancestor_id, course_id, expires_on) DO UPDATE SET n = certificate_subtree_rollups.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER enrollment_rollups_subtree AFTER INSERT OR UPDATE OR DELETE ON enrollment_rollups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION enrollment_subtree_rollup_row();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER certificate_rollups_subtree AFTER INSERT OR UPDATE OR DELETE ON certificate_rollups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION certificate_subtree_rollup_row();
--> statement-breakpoint
-- An agency move (agencies_subtree_rollup_stmt, after the UPDATE) moves the per-unit counters as
-- they stand; deltas still waiting for the commit must land on the old path first, so they are
-- applied before any agency row changes.
CREATE FUNCTION agencies_flush_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SET CONSTRAINTS enrollment_rollups_subtree, certificate_rollups_subtree IMMEDIATE;
  SET CONSTRAINTS enrollment_rollups_subtree, certificate_rollups_subtree DEFERRED;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agencies_flush_rollups BEFORE UPDATE ON agencies FOR EACH STATEMENT EXECUTE FUNCTION agencies_flush_rollups();
