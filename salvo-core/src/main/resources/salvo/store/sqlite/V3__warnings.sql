-- Schema 3: warnings, as the framework counts them ("5 passed, 7 warnings").
-- A test's are those recorded while it ran; a unit's are those recorded outside its tests (while
-- it was collected, and, for the first unit of a run, while the framework configured itself).
-- Rows from before schema 3 recorded none.
ALTER TABLE test_results ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE unit_results ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
