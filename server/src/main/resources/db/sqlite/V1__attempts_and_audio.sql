-- The schema before versions existed (PRAGMA user_version 0); IF NOT EXISTS so that such a database passes.
CREATE TABLE IF NOT EXISTS attempts (
  id TEXT PRIMARY KEY,
  question_id TEXT NOT NULL,
  level TEXT NOT NULL,
  mode TEXT NOT NULL,
  started_at TEXT NOT NULL,
  status TEXT NOT NULL,
  duration_seconds REAL,
  score INTEGER,
  transcript TEXT);

CREATE TABLE IF NOT EXISTS audio_chunks (
  attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  pcm BLOB NOT NULL,
  PRIMARY KEY (attempt_id, seq));
