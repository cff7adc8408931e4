CREATE TABLE "hall_day_live" (
	"hall_id" uuid NOT NULL,
	"service_date" text NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"waiting" integer DEFAULT 0 NOT NULL,
	"called" integer DEFAULT 0 NOT NULL,
	"serving" integer DEFAULT 0 NOT NULL,
	"served" integer DEFAULT 0 NOT NULL,
	"no_shows" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"call_measured" integer DEFAULT 0 NOT NULL,
	"wait_within" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hall_day_live_hall_id_service_date_pk" PRIMARY KEY("hall_id","service_date")
);
--> statement-breakpoint
CREATE TABLE "report_appointment_counts" (
	"hall_id" uuid NOT NULL,
	"service_date" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"kept" integer DEFAULT 0 NOT NULL,
	"missed" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_appointment_counts_hall_id_dim_service_date_key_pk" PRIMARY KEY("hall_id","dim","service_date","key")
);
--> statement-breakpoint
-- hall_day_live (docs/performance.md §City roll-up). PL/pgSQL throughout: its statements' plans are
-- cached per session (an SQL-language function's are made again on every call).
CREATE OR REPLACE FUNCTION hall_day_live_bump(h uuid, d text, v integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hall_day_live AS l (hall_id, service_date, issued, waiting, called, serving, served, no_shows, cancelled, call_measured, wait_within)
  VALUES (h, d, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9])
  ON CONFLICT (hall_id, service_date) DO UPDATE SET
    issued = l.issued + excluded.issued, waiting = l.waiting + excluded.waiting, called = l.called + excluded.called,
    serving = l.serving + excluded.serving, served = l.served + excluded.served, no_shows = l.no_shows + excluded.no_shows,
    cancelled = l.cancelled + excluded.cancelled, call_measured = l.call_measured + excluded.call_measured,
    wait_within = l.wait_within + excluded.wait_within;
END $$;
--> statement-breakpoint
-- One ticket row's contribution: issued, waiting, called, serving, served, no-shows, cancelled, called once, called within target.
CREATE OR REPLACE FUNCTION hall_day_live_of(r tickets) RETURNS integer[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN ARRAY[1, (r.status = 'waiting')::int, (r.status = 'called')::int, (r.status = 'serving')::int, (r.status = 'done')::int,
               (r.status = 'no_show')::int, (r.status = 'cancelled')::int, (r.first_called_at IS NOT NULL)::int,
               coalesce(r.first_called_at <= r.wait_start_at + make_interval(mins => r.wait_target_minutes), false)::int];
END $$;
--> statement-breakpoint
-- At commit: add the new row's contribution, take back the old one's (one upsert when the hall and day stay).
CREATE OR REPLACE FUNCTION hall_day_live_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o integer[];
  n integer[];
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hall_id = NEW.hall_id AND OLD.service_date = NEW.service_date THEN
    o := hall_day_live_of(OLD);
    n := hall_day_live_of(NEW);
    FOR i IN 1..9 LOOP n[i] := n[i] - o[i]; END LOOP;
    PERFORM hall_day_live_bump(NEW.hall_id, NEW.service_date, n);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    o := hall_day_live_of(OLD);
    FOR i IN 1..9 LOOP o[i] := -o[i]; END LOOP;
    PERFORM hall_day_live_bump(OLD.hall_id, OLD.service_date, o);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM hall_day_live_bump(NEW.hall_id, NEW.service_date, hall_day_live_of(NEW)); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Deferred to commit: the live row is locked after the command's hall row (run-command.ts), so it adds no wait inside the command.
CREATE CONSTRAINT TRIGGER hall_day_live_insert_delete AFTER INSERT OR DELETE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hall_day_live_apply();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER hall_day_live_update AFTER UPDATE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.first_called_at IS DISTINCT FROM NEW.first_called_at
        OR OLD.wait_start_at IS DISTINCT FROM NEW.wait_start_at OR OLD.wait_target_minutes IS DISTINCT FROM NEW.wait_target_minutes
        OR OLD.service_date IS DISTINCT FROM NEW.service_date OR OLD.hall_id IS DISTINCT FROM NEW.hall_id)
  EXECUTE FUNCTION hall_day_live_apply();
--> statement-breakpoint
-- report_appointment_counts (docs/performance.md §Report roll-ups): one appointment row's contribution to its matter row and its hour row.
CREATE OR REPLACE FUNCTION report_appointment_counts_add(r appointments, s integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  hr text;
BEGIN
  SELECT extract(hour FROM r.slot_start AT TIME ZONE h.time_zone)::int::text INTO hr FROM halls h WHERE h.id = r.hall_id;
  INSERT INTO report_appointment_counts AS c (hall_id, service_date, dim, key, booked, kept, missed, cancelled)
  VALUES (r.hall_id, r.service_date, 'matter', r.matter_id::text, s, s * (r.status = 'checked_in')::int,
          s * (r.status IN ('no_show', 'late'))::int, s * (r.status = 'cancelled')::int),
         (r.hall_id, r.service_date, 'hour', hr, s, s * (r.status = 'checked_in')::int,
          s * (r.status IN ('no_show', 'late'))::int, s * (r.status = 'cancelled')::int)
  ON CONFLICT (hall_id, dim, service_date, key) DO UPDATE SET
    booked = c.booked + excluded.booked, kept = c.kept + excluded.kept, missed = c.missed + excluded.missed, cancelled = c.cancelled + excluded.cancelled;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_appointment_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM report_appointment_counts_add(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM report_appointment_counts_add(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER report_appointment_counts_insert_delete AFTER INSERT OR DELETE ON appointments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_appointment_counts_apply();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER report_appointment_counts_update AFTER UPDATE ON appointments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.service_date IS DISTINCT FROM NEW.service_date OR OLD.matter_id IS DISTINCT FROM NEW.matter_id
        OR OLD.slot_start IS DISTINCT FROM NEW.slot_start OR OLD.hall_id IS DISTINCT FROM NEW.hall_id)
  EXECUTE FUNCTION report_appointment_counts_apply();
--> statement-breakpoint
-- The rows of the history already there, in one pass each.
INSERT INTO hall_day_live (hall_id, service_date, issued, waiting, called, serving, served, no_shows, cancelled, call_measured, wait_within)
SELECT hall_id, service_date, count(*), count(*) FILTER (WHERE status = 'waiting'), count(*) FILTER (WHERE status = 'called'),
       count(*) FILTER (WHERE status = 'serving'), count(*) FILTER (WHERE status = 'done'), count(*) FILTER (WHERE status = 'no_show'),
       count(*) FILTER (WHERE status = 'cancelled'), count(first_called_at),
       count(*) FILTER (WHERE first_called_at <= wait_start_at + make_interval(mins => wait_target_minutes))
FROM tickets GROUP BY hall_id, service_date;
--> statement-breakpoint
INSERT INTO report_appointment_counts (hall_id, service_date, dim, key, booked, kept, missed, cancelled)
SELECT a.hall_id, a.service_date, d.dim, d.key, count(*), count(*) FILTER (WHERE a.status = 'checked_in'),
       count(*) FILTER (WHERE a.status IN ('no_show', 'late')), count(*) FILTER (WHERE a.status = 'cancelled')
FROM appointments a JOIN halls h ON h.id = a.hall_id
CROSS JOIN LATERAL (VALUES ('matter', a.matter_id::text), ('hour', extract(hour FROM a.slot_start AT TIME ZONE h.time_zone)::int::text)) AS d(dim, key)
GROUP BY 1, 2, 3, 4;
