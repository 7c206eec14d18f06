-- The same column as the team store's migration 4, so that both stores keep one schema; personal mode runs one
-- instance and leaves it null.
ALTER TABLE attempts ADD COLUMN instance TEXT;
