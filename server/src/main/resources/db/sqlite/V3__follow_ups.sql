-- A mock interview's follow-up answers, one per probe, kept with the answer they followed.
CREATE TABLE follow_ups (
  attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  probe INTEGER NOT NULL,
  answer TEXT NOT NULL,
  verdict TEXT NOT NULL,
  PRIMARY KEY (attempt_id, probe));
