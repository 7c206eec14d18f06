-- Several StarPace instances on one team database: which instance records each attempt, so that one finds only the
-- attempts an instance that is gone left recording (docs/teams.md). Null for attempts from before.
ALTER TABLE attempts ADD COLUMN instance TEXT;
