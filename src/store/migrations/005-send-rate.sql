-- The pace of proactive Teams messages, shared by every instance of the server: Teams allows about 50 requests
-- per second per app per tenant however many instances send. One row per bucket (app and tenant); `next_at` is
-- the moment the next request may go. Each grant moves it on by one interval per request granted (a virtual
-- schedule, as in GCRA), in one atomic UPDATE, so instances never hand out the same moment twice.
CREATE TABLE send_rate (
  bucket text PRIMARY KEY,
  next_at timestamptz NOT NULL
);
