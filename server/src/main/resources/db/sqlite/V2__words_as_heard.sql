-- The words Vosk finalised, stored as they come so that a crash keeps them.
CREATE TABLE attempt_words (
  attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  word TEXT NOT NULL,
  start_seconds REAL NOT NULL,
  end_seconds REAL NOT NULL,
  PRIMARY KEY (attempt_id, seq));
