-- Conversations are stored whole as JSON (the domain aggregate) with the columns queries filter on.
CREATE TABLE conversations (
  id text PRIMARY KEY,
  employee_id text NOT NULL,
  manager_id text NOT NULL,
  type text NOT NULL,
  stage text NOT NULL,
  revision integer NOT NULL DEFAULT 1,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX conversations_employee_idx ON conversations (employee_id, created_at DESC);
CREATE INDEX conversations_stage_idx ON conversations (stage);

-- Append-only: every state change and every read of someone else's conversation.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text NOT NULL,
  conversation_id text,
  subject_id text,
  action text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_conversation_idx ON audit_log (conversation_id, id);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_id, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- Where the bot reaches each person, and the cards it posted (to update every copy later).
CREATE TABLE chat_references (
  user_id text PRIMARY KEY,
  conversation_id text NOT NULL,
  service_url text NOT NULL,
  tenant_id text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE card_copies (
  conversation_id text NOT NULL,
  recipient_id text NOT NULL,
  kind text NOT NULL,
  version integer,
  activity_id text NOT NULL,
  chat_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conversation_id, recipient_id, kind, activity_id)
);
CREATE TABLE sent_messages (
  idempotency_key text PRIMARY KEY,
  recipient_id text NOT NULL,
  activity_id text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE approval_tasks (
  conversation_id text NOT NULL,
  assignee_id text NOT NULL,
  version integer NOT NULL,
  task_id text NOT NULL,
  completed_at timestamptz,
  PRIMARY KEY (conversation_id, assignee_id, version)
);
CREATE TABLE delegations (
  manager_id text NOT NULL,
  delegate_id text NOT NULL,
  from_at timestamptz NOT NULL,
  until_at timestamptz NOT NULL,
  PRIMARY KEY (manager_id, delegate_id, from_at),
  CHECK (until_at > from_at)
);
