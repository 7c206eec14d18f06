-- An assignment's attempts allowed are enforced by counting the candidate's takes of its questions; a take its owner
-- deletes still counts, so deleting is no way round the limit. Only that much is kept of it: which assignment and
-- question, whose, and when it was started, never its words or audio.
CREATE TABLE spent_attempts (
  assignment_id TEXT NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
  attempt_id TEXT NOT NULL,
  owner TEXT NOT NULL,
  question_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  PRIMARY KEY (assignment_id, attempt_id));
CREATE INDEX spent_attempts_by_owner ON spent_attempts (assignment_id, owner, question_id);
