-- Evaluations and the bad-review step log are records: they may only grow.
CREATE OR REPLACE FUNCTION evaluation_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluations_no_update BEFORE UPDATE OR DELETE ON evaluations
  FOR EACH ROW EXECUTE FUNCTION evaluation_records_append_only();
--> statement-breakpoint
CREATE TRIGGER bad_review_steps_no_update BEFORE UPDATE OR DELETE ON bad_review_steps
  FOR EACH ROW EXECUTE FUNCTION evaluation_records_append_only();
