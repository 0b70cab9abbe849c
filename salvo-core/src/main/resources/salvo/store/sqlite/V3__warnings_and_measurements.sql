-- Schema 3: warnings, as the framework counts them ("5 passed, 7 warnings"), which worker ran each
-- test, and what tests measured (a sequence's checks: name, value, limits, unit), so runs show a
-- value drifting.
--
-- A test's warnings are those recorded while it ran; a unit's are those recorded outside its tests
-- (while it was collected, and, for the first unit of a run, while the framework configured itself).
-- Rows from before schema 3 recorded none.
ALTER TABLE test_results ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE unit_results ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;

-- The worker that ran the test, when it is not its unit's (a file's tests spread over persistent
-- workers, a retry elsewhere); '' means the unit's worker, as in every row before schema 3.
ALTER TABLE test_results ADD COLUMN worker TEXT NOT NULL DEFAULT '';

-- Keyed by the test's place, not its row id: the journal replaces a test's row when a retry runs
-- it again, and its measurements with it.
CREATE TABLE measurements (
    unit_result_id INTEGER NOT NULL REFERENCES unit_results (id) ON DELETE CASCADE,
    test_position  INTEGER NOT NULL,  -- test_results.position of the test that measured it
    ordinal        INTEGER NOT NULL,  -- its order among that test's measurements
    name           TEXT    NOT NULL,
    value          REAL    NOT NULL,
    low            REAL,              -- NULL: no lower limit
    high           REAL,              -- NULL: no upper limit
    unit           TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (unit_result_id, test_position, ordinal)
);

-- A measurement's trend across runs is read by its name.
CREATE INDEX measurements_by_name ON measurements (name);
