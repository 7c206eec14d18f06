-- Every attempt has an owner: 'local' for every attempt of personal mode, the signed-in person's in team mode.
ALTER TABLE attempts ADD COLUMN owner TEXT NOT NULL DEFAULT 'local';
CREATE INDEX attempts_by_owner ON attempts (owner, question_id, started_at);
-- Follow-ups were ordered by SQLite's rowid (a probe answered again moved to the end); PostgreSQL has none, so the
-- order is a column of its own, the same in both.
ALTER TABLE follow_ups ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;
UPDATE follow_ups SET answered = rowid;
