-- The candidate's story bank: a story (title, notes) answers some LPs (one row each) and is told in some takes.
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  title TEXT NOT NULL,
  notes TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX stories_by_owner ON stories (owner, created_at);

CREATE TABLE story_lps (
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  lp TEXT NOT NULL,
  PRIMARY KEY (story_id, lp));

-- a take tells at most one story; deleting either forgets the link
CREATE TABLE story_takes (
  attempt_id TEXT PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE);
CREATE INDEX story_takes_by_story ON story_takes (story_id);
