-- The recognizer's confidence in each word, so an answer scored from its stored words weighs unsure ones.
ALTER TABLE attempt_words ADD COLUMN conf REAL NOT NULL DEFAULT 1.0;
