-- A case's history is read from the hall event log by its id (data.caseId): index only those rows.
CREATE INDEX IF NOT EXISTS ticket_events_case ON ticket_events ((data->>'caseId'), seq) WHERE data ? 'caseId';
