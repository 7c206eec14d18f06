-- A follow-up answer keeps its recording (16 kHz 16-bit mono PCM), replayed from the report like the main answer.
ALTER TABLE follow_ups ADD COLUMN audio BYTEA;

-- A mock interview of several questions: the questions picked, in order, each with the take that answered it (none
-- yet, or deleted since: NULL), and the thinking time given before each.
CREATE TABLE interviews (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  level TEXT NOT NULL,
  thinking_seconds INTEGER NOT NULL,
  started_at TEXT NOT NULL);
CREATE INDEX interviews_by_owner ON interviews (owner, started_at);

CREATE TABLE interview_questions (
  interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  question_id TEXT NOT NULL,
  attempt_id TEXT REFERENCES attempts(id) ON DELETE SET NULL,
  PRIMARY KEY (interview_id, position));
