-- Schema 2: runs are written as they happen (the journal), results are trees.
--
-- runs loses its per-outcome test counts: totals are counted from test_results (only rows of
-- kind TEST), so a new Outcome needs no schema change. SQLite cannot drop those columns and
-- keep the NOT NULL rules of the others in one step, so the table is rebuilt with its rows and
-- ids kept. Flyway runs this on a connection with foreign keys off: dropping the old table
-- must not cascade to unit_results.
--
-- While a run is RUNNING, `finished` holds the time of the journal's last write, so a run found
-- abandoned later (status INCOMPLETE) reads as lasting until its last durable result.
-- owner_* name the Salvo process writing a RUNNING run, so a later Salvo can tell that it died:
-- same host, and that pid is gone or now belongs to a process started at another time.

CREATE TABLE runs_v2 (
    id            INTEGER PRIMARY KEY,
    uid           TEXT    NOT NULL DEFAULT '',  -- RunInfo.id, the id every event carries; '' before schema 2
    label         TEXT,
    started       TEXT    NOT NULL,
    finished      TEXT    NOT NULL,             -- while RUNNING: the last write
    host          TEXT,
    git_commit    TEXT    NOT NULL DEFAULT '',
    root_dir      TEXT,
    config        TEXT    NOT NULL DEFAULT '{}',
    status        TEXT    NOT NULL,
    owner_pid     INTEGER,                      -- NULL before schema 2
    owner_started TEXT,                         -- the owner process's start time; NULL when the OS did not tell
    owner_host    TEXT
);

INSERT INTO runs_v2 (id, label, started, finished, host, git_commit, root_dir, config, status)
    SELECT id, label, started, finished, host, git_commit, root_dir, config, status FROM runs;

DROP TABLE runs;

ALTER TABLE runs_v2 RENAME TO runs;

-- Opening the store looks for abandoned runs: keep that a look-up, however long the history.
CREATE INDEX runs_running ON runs (id) WHERE status = 'RUNNING';

-- What a result tree needs. Rows from schema 1 are tests directly under their unit:
-- kind TEST, no parent id and no node, read back as NodeId.flat(unit id, test id).
ALTER TABLE test_results ADD COLUMN kind      TEXT NOT NULL DEFAULT 'TEST';  -- NodeId.Kind of the node
ALTER TABLE test_results ADD COLUMN parent_id TEXT;                         -- the adapter's id of its parent node
ALTER TABLE test_results ADD COLUMN node      TEXT;                         -- JSON array of the NodeId's segments
