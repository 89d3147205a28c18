-- The round cards each manager was sent (the invitation, reminders), so cancelling a round can update every copy
-- in place. One row per message key: a retried send records the same card once.
CREATE TABLE round_cards (
  round_id text NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  message_key text NOT NULL,
  manager_id text NOT NULL,
  activity_id text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, message_key)
);
CREATE INDEX round_cards_manager_idx ON round_cards (round_id, manager_id);
