-- A message about to be posted to Teams is recorded first (its card's digests and when), so that after a crash in
-- the instant between Teams taking the post and its answer being recorded, the next attempt can read the chat back
-- and find it instead of posting it twice. `activity_id` stays '' until the answer is recorded.
ALTER TABLE sent_messages ADD COLUMN attempted_at timestamptz;
ALTER TABLE sent_messages ADD COLUMN digests text[] NOT NULL DEFAULT '{}';
CREATE INDEX sent_messages_recipient_idx ON sent_messages (recipient_id, sent_at);
