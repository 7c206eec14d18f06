-- Team mode's cohorts and the coach's review: the same tables as the SQLite store's migration 7.
CREATE TABLE cohorts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL);

CREATE TABLE cohort_members (
  cohort_id TEXT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (cohort_id, email));
CREATE INDEX cohort_members_by_email ON cohort_members (email, role);

-- A take its owner lets the coaches of their cohorts see; reviewed once a coach has marked it so.
CREATE TABLE shares (
  attempt_id TEXT PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
  shared_at TEXT NOT NULL,
  reviewed_at TEXT,
  reviewed_by TEXT);

-- A coach's comment on a stretch of the take, in seconds from its start.
CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  author_name TEXT NOT NULL,
  start_seconds DOUBLE PRECISION NOT NULL,
  end_seconds DOUBLE PRECISION NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX comments_by_attempt ON comments (attempt_id, start_seconds);

-- The coach's rubric score, out of 100 like StarPace's, shown beside it.
CREATE TABLE coach_scores (
  attempt_id TEXT PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
  coach TEXT NOT NULL,
  coach_name TEXT NOT NULL,
  score INTEGER NOT NULL,
  note TEXT,
  scored_at TEXT NOT NULL);
