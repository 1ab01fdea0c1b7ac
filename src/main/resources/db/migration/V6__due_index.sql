-- The sweeper claims the connection due first. Its old index neither covered connections never checked
-- (next_check_at NULL) nor gave their NULLS FIRST order, so every claim read and sorted all due connections.
-- This one is read in claim order and the claim stops at the first connection nobody holds.
DROP INDEX connections_due_idx;
CREATE INDEX connections_due_idx ON connections ((coalesce(next_check_at, '-infinity'::timestamptz)))
    WHERE status IN ('ACTIVE', 'FAILING');
