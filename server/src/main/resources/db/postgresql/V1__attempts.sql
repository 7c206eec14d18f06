-- Team mode's store: the same tables as the SQLite store's five migrations, in PostgreSQL's types.
CREATE TABLE attempts (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  question_id TEXT NOT NULL,
  level TEXT NOT NULL,
  mode TEXT NOT NULL,
  started_at TEXT NOT NULL,
  status TEXT NOT NULL,
  duration_seconds DOUBLE PRECISION,
  score INTEGER,
  transcript TEXT);

CREATE INDEX attempts_by_owner ON attempts (owner, question_id, started_at);
-- crash recovery looks for attempts left recording
CREATE INDEX attempts_by_status ON attempts (status);

CREATE TABLE audio_chunks (
  attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  pcm BYTEA NOT NULL,
  PRIMARY KEY (attempt_id, seq));

CREATE TABLE attempt_words (
  attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  word TEXT NOT NULL,
  start_seconds DOUBLE PRECISION NOT NULL,
  end_seconds DOUBLE PRECISION NOT NULL,
  conf DOUBLE PRECISION NOT NULL DEFAULT 1.0,
  PRIMARY KEY (attempt_id, seq));

CREATE TABLE follow_ups (
  attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  probe INTEGER NOT NULL,
  answer TEXT NOT NULL,
  verdict TEXT NOT NULL,
  answered INTEGER NOT NULL,
  PRIMARY KEY (attempt_id, probe));
