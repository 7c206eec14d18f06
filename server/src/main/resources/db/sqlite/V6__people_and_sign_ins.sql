-- Team mode's people and their signed-in sessions. Personal mode has neither (nobody signs in); the tables are here
-- so that both stores keep one schema behind one interface.
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  role TEXT NOT NULL,
  last_seen TEXT NOT NULL);
CREATE INDEX people_by_email ON people (email);

-- A session is found by the SHA-256 of its cookie, so a copy of the database does not sign anyone in.
CREATE TABLE sign_ins (
  token_hash TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  expires_at TEXT NOT NULL);
