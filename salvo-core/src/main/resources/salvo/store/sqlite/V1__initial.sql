-- Salvo's run history.
-- Times are UTC ISO-8601 text with nine fraction digits: exact, readable, and they sort as text.
-- Durations are milliseconds as REAL, which keeps the nanoseconds the JVM measured.
-- Enum values (status, outcome, failure kind) are stored by name.

CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    label         TEXT,
    started       TEXT    NOT NULL,
    finished      TEXT    NOT NULL,
    host          TEXT,
    git_commit    TEXT    NOT NULL DEFAULT '',
    root_dir      TEXT,
    config        TEXT    NOT NULL DEFAULT '{}',  -- JSON object of the effective options
    status        TEXT    NOT NULL,
    -- Test counts by outcome, so history never has to scan test_results.
    tests_passed  INTEGER NOT NULL DEFAULT 0,
    tests_failed  INTEGER NOT NULL DEFAULT 0,
    tests_error   INTEGER NOT NULL DEFAULT 0,
    tests_skipped INTEGER NOT NULL DEFAULT 0,
    tests_xfailed INTEGER NOT NULL DEFAULT 0,
    tests_xpassed INTEGER NOT NULL DEFAULT 0,
    tests_timeout INTEGER NOT NULL DEFAULT 0,
    tests_crashed INTEGER NOT NULL DEFAULT 0,
    tests_flaky   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE unit_results (
    id              INTEGER PRIMARY KEY,
    run_id          INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,  -- order of the unit within its run
    unit_id         TEXT    NOT NULL,
    adapter         TEXT    NOT NULL,
    path            TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,
    duration_ms     REAL    NOT NULL,
    attempts        INTEGER NOT NULL,
    worker          TEXT    NOT NULL DEFAULT '',
    failure_kind    TEXT,              -- NULL when the unit has no unit-level failure
    failure_message TEXT,
    failure_detail  TEXT,
    UNIQUE (run_id, position)          -- also the index that loads a run in order
);

-- Durations of a unit across runs, newest first, for scheduling.
CREATE INDEX unit_results_by_unit ON unit_results (unit_id, run_id);

CREATE TABLE test_results (
    id              INTEGER PRIMARY KEY,
    unit_result_id  INTEGER NOT NULL REFERENCES unit_results (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,  -- order of the test within its unit
    test_id         TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,
    duration_ms     REAL    NOT NULL,
    attempt         INTEGER NOT NULL,
    failure_kind    TEXT,              -- NULL when the test has no failure
    failure_message TEXT,
    failure_detail  TEXT,
    output          TEXT    NOT NULL DEFAULT '',
    UNIQUE (unit_result_id, position)
);
