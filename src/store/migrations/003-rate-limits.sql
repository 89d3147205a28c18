-- Per-person request counts per fixed window, shared by every instance of the server (so a limit holds when
-- App Service runs several). One row per person, bucket and window; old windows are removed as new ones start.
CREATE TABLE rate_limit_windows (
  user_id text NOT NULL,
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (user_id, bucket, window_start)
);

CREATE INDEX rate_limit_windows_by_start ON rate_limit_windows (window_start);
