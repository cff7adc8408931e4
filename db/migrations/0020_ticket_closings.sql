-- Each ticket's latest closing event (docs/performance.md §Year report by staff): a report by staff read
-- today's closing events one index probe per ticket (5,500 tickets a day, ~6 buffers each); it now reads one
-- range of this table per hall and day and joins it to the tickets by hash.
CREATE TABLE "ticket_closings" (
	"hall_id" uuid NOT NULL,
	"service_date" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"status" text NOT NULL,
	"staff_id" text,
	CONSTRAINT "ticket_closings_hall_id_service_date_ticket_id_pk" PRIMARY KEY("hall_id","service_date","ticket_id")
);
--> statement-breakpoint
-- One closing event (ticket:finished, ticket:no-show) as its ticket's row: the ticket's service date, the status
-- it closes with, the staff member (NULL for a device or the system). A later event of the ticket replaces
-- an earlier one (a no-show reactivated and then served); the log is append-only, so the row never goes back.
-- PL/pgSQL: its plan is cached per session.
CREATE OR REPLACE FUNCTION ticket_closings_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_closings AS c (hall_id, service_date, ticket_id, seq, status, staff_id)
  SELECT NEW.hall_id, t.service_date, NEW.ticket_id, NEW.seq,
         CASE NEW.type WHEN 'ticket:finished' THEN 'done' ELSE 'no_show' END,
         CASE WHEN NEW.actor_type = 'staff' THEN NEW.actor_id END
  FROM tickets t WHERE t.id = NEW.ticket_id AND t.hall_id = NEW.hall_id
  ON CONFLICT (hall_id, service_date, ticket_id) DO UPDATE
    SET seq = excluded.seq, status = excluded.status, staff_id = excluded.staff_id
    WHERE excluded.seq > c.seq;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- In the appending statement's transaction (run-command.ts appends a command's facts in one statement);
-- the other events (issued, called, started, …) do not fire it.
CREATE TRIGGER ticket_closings_append AFTER INSERT ON ticket_events FOR EACH ROW
  WHEN (NEW.type IN ('ticket:finished', 'ticket:no-show') AND NEW.ticket_id IS NOT NULL)
  EXECUTE FUNCTION ticket_closings_apply();
--> statement-breakpoint
-- The history already there, in one pass (the same recount as server/app/reports/live-counts.ts `closingRecount`),
-- written in key order so that a hall's day sits in a few pages, as the trigger's appends in time order will;
-- then its statistics, so the first report's plan sees ~a day of rows per (hall, day), not a fresh table's guess.
INSERT INTO ticket_closings (hall_id, service_date, ticket_id, seq, status, staff_id)
SELECT * FROM (
  SELECT DISTINCT ON (e.ticket_id) e.hall_id, t.service_date, e.ticket_id, e.seq,
         CASE e.type WHEN 'ticket:finished' THEN 'done' ELSE 'no_show' END AS status,
         CASE WHEN e.actor_type = 'staff' THEN e.actor_id END AS staff_id
  FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id AND t.hall_id = e.hall_id
  WHERE e.type IN ('ticket:finished', 'ticket:no-show')
  ORDER BY e.ticket_id, e.seq DESC
) c ORDER BY hall_id, service_date, ticket_id;
--> statement-breakpoint
ANALYZE ticket_closings;
