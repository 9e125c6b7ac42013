// The store's schema as an ordered list of migrations: migration N takes a store from
// schema version N-1 to N (SQLite's `PRAGMA user_version` holds the version). A store is
// migrated when opened, in one transaction, so a store is always at one version.
//
// Version 1:
//   runs              one row per stored profile, unique by the sha256 of its bytes: where it
//                     came from, its format, program, provenance of ticks/bytes/entries
//                     (exact, approximate: from -p percentages, absent), its totals and
//                     header, its run directory's meta (tag, batch, profile, GHC version,
//                     timing.start, manifest as JSON) and its build's display name
//   run_stats         the run's numeric `+RTS -t --machine-readable` figures, in file order
//   cost_centres      every (module, label, SRC) seen, once
//   run_cost_centres  per run and cost centre: call sites, individual and inherited ticks
//                     and bytes, entries, in the order of the profile's tree
//   run_modules       the same per module (inherited costs per module are not sums of the
//                     centres' under recursion, so they are kept)
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  up(db: Database): void;
}

const V1 = `
CREATE TABLE runs (
  id                 INTEGER PRIMARY KEY,
  sha256             TEXT NOT NULL UNIQUE,
  added_at           TEXT NOT NULL,
  source             TEXT NOT NULL,
  run_directory      TEXT,
  node               TEXT,
  format             TEXT NOT NULL,
  format_detail      TEXT NOT NULL,
  program            TEXT,
  ticks_provenance   TEXT NOT NULL CHECK (ticks_provenance IN ('exact', 'approximate', 'absent')),
  bytes_provenance   TEXT NOT NULL CHECK (bytes_provenance IN ('exact', 'approximate', 'absent')),
  entries_provenance TEXT NOT NULL CHECK (entries_provenance IN ('exact', 'approximate', 'absent')),
  percentages        TEXT NOT NULL CHECK (percentages IN ('printed', 'derived')),
  time_secs          REAL,
  ticks              REAL,
  alloc_bytes        REAL,
  seconds_per_tick   REAL,
  system_ticks       REAL,
  system_bytes       REAL,
  program_ticks      REAL NOT NULL,
  program_bytes      REAL NOT NULL,
  header             TEXT NOT NULL,
  build              TEXT,
  build_identity     TEXT,
  tag                TEXT,
  batch              TEXT,
  profile            TEXT,
  ghc_version        TEXT,
  start              TEXT,
  manifest           TEXT,
  warnings           TEXT NOT NULL
);
CREATE INDEX runs_by_build ON runs (build, id);

CREATE TABLE run_stats (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  ord    INTEGER NOT NULL,
  key    TEXT NOT NULL,
  value  REAL NOT NULL,
  PRIMARY KEY (run_id, ord)
) WITHOUT ROWID;

CREATE TABLE cost_centres (
  id     INTEGER PRIMARY KEY,
  module TEXT NOT NULL,
  label  TEXT NOT NULL,
  src    TEXT
);
CREATE UNIQUE INDEX cost_centres_identity ON cost_centres (module, label, ifnull(src, char(0)));

CREATE TABLE run_cost_centres (
  run_id          INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  ord             INTEGER NOT NULL,
  cost_centre_id  INTEGER NOT NULL REFERENCES cost_centres (id),
  call_sites      INTEGER NOT NULL,
  ticks           REAL NOT NULL,
  bytes           REAL NOT NULL,
  entries         REAL NOT NULL,
  inherited_ticks REAL NOT NULL,
  inherited_bytes REAL NOT NULL,
  PRIMARY KEY (run_id, ord)
) WITHOUT ROWID;
CREATE INDEX run_cost_centres_by_centre ON run_cost_centres (cost_centre_id, run_id);

CREATE TABLE run_modules (
  run_id          INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  ord             INTEGER NOT NULL,
  module          TEXT NOT NULL,
  call_sites      INTEGER NOT NULL,
  ticks           REAL NOT NULL,
  bytes           REAL NOT NULL,
  entries         REAL NOT NULL,
  inherited_ticks REAL NOT NULL,
  inherited_bytes REAL NOT NULL,
  PRIMARY KEY (run_id, ord)
) WITHOUT ROWID;
`;

/** In order; append new versions, never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs, their RTS statistics, and per cost centre and module totals',
    up: (db) => db.exec(V1),
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
