-- Rounds: a cycle HR (or a director) starts for many employees at once. The members are fixed at the start, from
-- the directory then, so progress and reminders count the same people however the org chart changes later.
CREATE TABLE rounds (
  id text PRIMARY KEY,
  type text NOT NULL,
  state text NOT NULL,
  data jsonb NOT NULL,
  started_at timestamptz NOT NULL
);
CREATE INDEX rounds_started_idx ON rounds (started_at DESC);

CREATE TABLE round_members (
  round_id text NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  employee_id text NOT NULL,
  manager_id text NOT NULL,
  department text NOT NULL,
  PRIMARY KEY (round_id, employee_id)
);
CREATE INDEX round_members_manager_idx ON round_members (manager_id, round_id);
