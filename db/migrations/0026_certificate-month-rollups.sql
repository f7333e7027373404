-- Why (issue 18, the province dashboard): its certificates-per-month chart counted every
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
CREATE TABLE "certificate_month_rollups" (
	"ancestor_id" text NOT NULL,
	"course_id" text NOT NULL,
	"month" date NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "certificate_month_rollups_ancestor_id_course_id_month_shard_pk" PRIMARY KEY("ancestor_id","course_id","month","shard")
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
