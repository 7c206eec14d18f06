-- The same table as the SQLite store's migration 9: a coach's assignment to a cohort.
CREATE TABLE assignments (
  id TEXT PRIMARY KEY,
  cohort_id TEXT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  questions TEXT NOT NULL,
  level TEXT NOT NULL,
  due_at TEXT NOT NULL,
  attempts_allowed INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX assignments_by_cohort ON assignments (cohort_id, due_at);
