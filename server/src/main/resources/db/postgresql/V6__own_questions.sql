-- Questions the candidate wrote (ids start "own-"), each for an LP and a level; their takes are attempts with that id.
CREATE TABLE own_questions (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  lp TEXT NOT NULL,
  level TEXT NOT NULL,
  question TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX own_questions_by_owner ON own_questions (owner, created_at);
