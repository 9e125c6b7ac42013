// The profile store: an embedded SQLite database (better-sqlite3) of run summaries, so that
// months of runs are queried in milliseconds instead of re-parsed. One transaction per run
// (a crash mid-add loses nothing already stored), WAL mode and a busy timeout (two processes
// can add at once), a versioned schema migrated on open (schema.ts).
import { existsSync } from 'node:fs';
import type { Database, Statement } from 'better-sqlite3';
import { InputError } from '../model/diagnostic.js';
import type { Provenance, SourceFormat } from '../model/profile.js';
import type { RunRecord } from '../model/run-record.js';
import { buildIdentity, type ManifestEntry, type RunMeta } from '../model/run-meta.js';
import { SUMMARY_VERSION, type RunSummary, type SummaryHeader } from '../model/run-summary.js';
import { buildDisplayName } from './build-name.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

/** How long a writer waits for another process's transaction before giving up. */
const BUSY_TIMEOUT_MS = 60_000;

export interface OpenStoreOptions {
  /** Create the file when missing (`store add`); readers want an existing store. */
  create?: boolean;
}

/**
 * Which runs a query takes: all, or those of the named builds (a build's display name, see
 * build-name.ts, or a run directory's tag), or those with the given ids; both narrow.
 */
export interface RunSelection {
  builds?: readonly string[];
  ids?: readonly number[];
}

/** A run directory as stored: what its runs share (the facts a timeline groups builds by). */
export interface StoredRunDirectory {
  path: string;
  meta: RunMeta;
  /** `timing.start` as written in meta.json, or null. */
  start: string | null;
  build: string | null;
  /** Its runs' ids, in the order they were added. */
  runIds: number[];
}

/** A stored run: its summary as it went in, with the store's id and the build it belongs to. */
export interface StoredRun {
  id: number;
  addedAt: string;
  /** Display name (build-name.ts); null outside a run directory. */
  build: string | null;
  /** The run's record (summary.record), as loadRuns makes it from the profile. */
  record: RunRecord;
  /** Its run directory's meta (summary.runDirectory.meta), null outside one. */
  meta: RunMeta | null;
  /** Its run directory's `timing.start`, or null. */
  start: string | null;
  /** What RunAggregator.addSummary takes. */
  summary: RunSummary;
}

/** One entry of `store list`: a stored profile without its cost centres. */
export interface StoredRunEntry {
  id: number;
  sha256: string;
  addedAt: string;
  source: string;
  runDirectory: string | null;
  node: string | null;
  build: string | null;
  tag: string | null;
  ghcVersion: string | null;
  start: string | null;
  format: SourceFormat;
  formatDetail: string;
  program: string | null;
  timeSecs: number | null;
  ticks: number | null;
  allocBytes: number | null;
  costCentres: number;
  modules: number;
}

/** A build in the store: its runs share a display name. */
export interface StoredBuildInfo {
  name: string;
  /** buildIdentity of its first run's manifest (components and commits). */
  identity: string;
  /** The earliest `timing.start` of its runs, or null. */
  start: string | null;
  runs: number;
  firstId: number;
}

export interface AddResult {
  id: number;
  /** False when a run with the same sha256 was already stored (it is kept as it was). */
  added: boolean;
}

interface RunRow {
  id: number;
  sha256: string;
  added_at: string;
  source: string;
  run_directory: string | null;
  node: string | null;
  format: SourceFormat;
  format_detail: string;
  program: string | null;
  ticks_provenance: Provenance;
  bytes_provenance: Provenance;
  entries_provenance: Provenance;
  percentages: 'printed' | 'derived';
  time_secs: number | null;
  ticks: number | null;
  alloc_bytes: number | null;
  seconds_per_tick: number | null;
  system_ticks: number | null;
  system_bytes: number | null;
  program_ticks: number;
  program_bytes: number;
  header: string;
  build: string | null;
  tag: string | null;
  batch: string | null;
  profile: string | null;
  ghc_version: string | null;
  start: string | null;
  manifest: string | null;
  warnings: string;
}

type CostsTuple = [callSites: number, ticks: number, bytes: number, entries: number, inheritedTicks: number, inheritedBytes: number];

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

export class ProfileStore {
  private readonly statements: {
    idOf: Statement<[string], number>;
    insertRun: Statement<[Record<string, unknown>]>;
    insertStat: Statement<[number, number, string, number]>;
    centreId: Statement<[string, string, string | null], number>;
    insertCentre: Statement<[string, string, string | null]>;
    insertRunCentre: Statement<[number, number, number, ...CostsTuple]>;
    insertModule: Statement<[number, number, string, ...CostsTuple]>;
    stats: Statement<[number], [string, number]>;
    centres: Statement<[number], [string, string, string | null, ...CostsTuple]>;
    modules: Statement<[number], [string, ...CostsTuple]>;
  };

  constructor(
    private readonly db: Database,
    readonly path: string,
  ) {
    this.statements = {
      idOf: db.prepare<[string], number>('SELECT id FROM runs WHERE sha256 = ?').pluck(),
      insertRun: db.prepare<[Record<string, unknown>]>(
        `INSERT INTO runs (sha256, added_at, source, run_directory, node, format, format_detail, program,
           ticks_provenance, bytes_provenance, entries_provenance, percentages,
           time_secs, ticks, alloc_bytes, seconds_per_tick, system_ticks, system_bytes, program_ticks, program_bytes,
           header, build, build_identity, tag, batch, profile, ghc_version, start, manifest, warnings)
         VALUES (@sha256, @added_at, @source, @run_directory, @node, @format, @format_detail, @program,
           @ticks_provenance, @bytes_provenance, @entries_provenance, @percentages,
           @time_secs, @ticks, @alloc_bytes, @seconds_per_tick, @system_ticks, @system_bytes, @program_ticks, @program_bytes,
           @header, @build, @build_identity, @tag, @batch, @profile, @ghc_version, @start, @manifest, @warnings)`,
      ),
      insertStat: db.prepare('INSERT INTO run_stats (run_id, ord, key, value) VALUES (?, ?, ?, ?)'),
      centreId: db.prepare<[string, string, string | null], number>('SELECT id FROM cost_centres WHERE module = ? AND label = ? AND src IS ?').pluck(),
      insertCentre: db.prepare('INSERT INTO cost_centres (module, label, src) VALUES (?, ?, ?)'),
      insertRunCentre: db.prepare(
        'INSERT INTO run_cost_centres (run_id, ord, cost_centre_id, call_sites, ticks, bytes, entries, inherited_ticks, inherited_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertModule: db.prepare(
        'INSERT INTO run_modules (run_id, ord, module, call_sites, ticks, bytes, entries, inherited_ticks, inherited_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      stats: db.prepare<[number], [string, number]>('SELECT key, value FROM run_stats WHERE run_id = ? ORDER BY ord').raw(),
      centres: db
        .prepare<[number], [string, string, string | null, ...CostsTuple]>(
          `SELECT c.module, c.label, c.src, r.call_sites, r.ticks, r.bytes, r.entries, r.inherited_ticks, r.inherited_bytes
           FROM run_cost_centres r JOIN cost_centres c ON c.id = r.cost_centre_id WHERE r.run_id = ? ORDER BY r.ord`,
        )
        .raw(),
      modules: db
        .prepare<[number], [string, ...CostsTuple]>('SELECT module, call_sites, ticks, bytes, entries, inherited_ticks, inherited_bytes FROM run_modules WHERE run_id = ? ORDER BY ord')
        .raw(),
    };
  }

  /** The schema version the store is at (always SCHEMA_VERSION once open). */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    this.db.close();
  }

  /** The id of the run with this sha256, or null. */
  idOf(sha256: string): number | null {
    return this.statements.idOf.get(sha256) ?? null;
  }

  /** Stores one run in one transaction; a run already there (same sha256) is left as it is. */
  add(summary: RunSummary, addedAt: string = new Date().toISOString()): AddResult {
    const add = this.db.transaction((): AddResult => {
      const existing = this.statements.idOf.get(summary.sha256);
      if (existing !== undefined) return { id: existing, added: false };
      const { record, runDirectory } = summary;
      const result = this.statements.insertRun.run({
        sha256: summary.sha256,
        added_at: addedAt,
        source: record.source,
        run_directory: record.runDirectory,
        node: record.node,
        format: record.format,
        format_detail: record.formatDetail,
        program: record.program,
        ticks_provenance: record.measures.ticks,
        bytes_provenance: record.measures.bytes,
        entries_provenance: record.measures.entries,
        percentages: record.measures.percentages,
        time_secs: record.totals.timeSecs,
        ticks: record.totals.ticks,
        alloc_bytes: record.totals.allocBytes,
        seconds_per_tick: record.totals.secondsPerTick,
        system_ticks: record.totals.systemTicks,
        system_bytes: record.totals.systemBytes,
        program_ticks: summary.programTotals.ticks,
        program_bytes: summary.programTotals.bytes,
        header: JSON.stringify(summary.header),
        build: buildDisplayName(runDirectory),
        build_identity: runDirectory === null ? null : buildIdentity(runDirectory.meta),
        tag: runDirectory?.meta.tag ?? null,
        batch: runDirectory?.meta.batch ?? null,
        profile: runDirectory?.meta.profile ?? null,
        ghc_version: runDirectory?.meta.ghcVersion ?? null,
        start: runDirectory?.start ?? null,
        manifest: runDirectory === null ? null : JSON.stringify(runDirectory.meta.manifest),
        warnings: JSON.stringify(summary.warnings),
      });
      const id = Number(result.lastInsertRowid);
      Object.entries(record.stats).forEach(([key, value], ord) => this.statements.insertStat.run(id, ord, key, value));
      summary.costCentres.forEach((centre, ord) => {
        let centreId = this.statements.centreId.get(centre.module, centre.label, centre.src);
        if (centreId === undefined) centreId = Number(this.statements.insertCentre.run(centre.module, centre.label, centre.src).lastInsertRowid);
        this.statements.insertRunCentre.run(id, ord, centreId, centre.callSites, centre.ticks, centre.bytes, centre.entries, centre.inheritedTicks, centre.inheritedBytes);
      });
      summary.modules.forEach((module, ord) => {
        this.statements.insertModule.run(id, ord, module.module, module.callSites, module.ticks, module.bytes, module.entries, module.inheritedTicks, module.inheritedBytes);
      });
      return { id, added: true };
    });
    // IMMEDIATE: take the write lock first, so a concurrent writer waits (busy timeout) rather than failing mid-way.
    return add.immediate();
  }

  private where(selection: RunSelection): { clause: string; params: Array<string | number> } {
    const conditions: string[] = [];
    const params: Array<string | number> = [];
    const marks = (count: number): string => Array.from({ length: count }, () => '?').join(', ');
    if (selection.builds !== undefined) {
      conditions.push(`(build IN (${marks(selection.builds.length)}) OR tag IN (${marks(selection.builds.length)}))`);
      params.push(...selection.builds, ...selection.builds);
    }
    if (selection.ids !== undefined) {
      conditions.push(`id IN (${marks(selection.ids.length)})`);
      params.push(...selection.ids);
    }
    return { clause: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
  }

  /** How many runs a selection has. */
  count(selection: RunSelection = {}): number {
    const { clause, params } = this.where(selection);
    return this.db.prepare<Array<string | number>, number>(`SELECT count(*) FROM runs ${clause}`).pluck().get(...params)!;
  }

  /** Every stored profile, in the order they were added. */
  list(selection: RunSelection = {}): StoredRunEntry[] {
    const { clause, params } = this.where(selection);
    return this.db
      .prepare<Array<string | number>, StoredRunEntry>(
        `SELECT id, sha256, added_at AS addedAt, source, run_directory AS runDirectory, node, build, tag, ghc_version AS ghcVersion, start,
           format, format_detail AS formatDetail, program, time_secs AS timeSecs, ticks, alloc_bytes AS allocBytes,
           (SELECT count(*) FROM run_cost_centres WHERE run_id = runs.id) AS costCentres,
           (SELECT count(*) FROM run_modules WHERE run_id = runs.id) AS modules
         FROM runs ${clause} ORDER BY id`,
      )
      .all(...params);
  }

  /** The builds (runs sharing a display name), in order of their earliest timing.start, then of their first run. */
  builds(): StoredBuildInfo[] {
    return this.db
      .prepare<[], StoredBuildInfo>(
        `SELECT b.name, r.build_identity AS identity, b.start, b.runs, b.firstId
         FROM (SELECT build AS name, min(start) AS start, count(*) AS runs, min(id) AS firstId FROM runs WHERE build IS NOT NULL GROUP BY build) b
         JOIN runs r ON r.id = b.firstId
         ORDER BY b.start IS NULL, b.start, b.firstId`,
      )
      .all();
  }

  /** The run directories of a selection's runs, in the order of their first run. */
  runDirectories(selection: RunSelection = {}): StoredRunDirectory[] {
    const { clause, params } = this.where(selection);
    const rows = this.db
      .prepare<Array<string | number>, Pick<RunRow, 'id' | 'run_directory' | 'build' | 'tag' | 'batch' | 'profile' | 'ghc_version' | 'start' | 'manifest'>>(
        `SELECT id, run_directory, build, tag, batch, profile, ghc_version, start, manifest FROM runs ${clause} ORDER BY id`,
      )
      .all(...params);
    const byPath = new Map<string, StoredRunDirectory>();
    for (const row of rows) {
      if (row.run_directory === null || row.manifest === null) continue;
      let directory = byPath.get(row.run_directory);
      if (directory === undefined) {
        const meta: RunMeta = { tag: row.tag, batch: row.batch, profile: row.profile, ghcVersion: row.ghc_version, manifest: JSON.parse(row.manifest) as Record<string, ManifestEntry> };
        directory = { path: row.run_directory, meta, start: row.start, build: row.build, runIds: [] };
        byPath.set(row.run_directory, directory);
      }
      directory.runIds.push(row.id);
    }
    return [...byPath.values()];
  }

  /** The runs of a selection, one at a time, in the order they were added: summaries as they went in. */
  *runs(selection: RunSelection = {}): Generator<StoredRun> {
    const { clause, params } = this.where(selection);
    // Read the rows first: a statement cannot run while another one iterates on this connection.
    const rows = this.db.prepare<Array<string | number>, RunRow>(`SELECT * FROM runs ${clause} ORDER BY id`).all(...params);
    for (const row of rows) {
      const summary = this.summaryOf(row);
      yield { id: row.id, addedAt: row.added_at, build: row.build, record: summary.record, meta: summary.runDirectory?.meta ?? null, start: row.start, summary };
    }
  }

  private summaryOf(row: RunRow): RunSummary {
    const stats: Record<string, number> = {};
    for (const [key, value] of this.statements.stats.all(row.id)) stats[key] = value;
    const costs = (tuple: CostsTuple) => ({
      callSites: tuple[0],
      ticks: tuple[1],
      bytes: tuple[2],
      entries: tuple[3],
      inheritedTicks: tuple[4],
      inheritedBytes: tuple[5],
    });
    const meta: RunMeta | null =
      row.manifest === null
        ? null
        : { tag: row.tag, batch: row.batch, profile: row.profile, ghcVersion: row.ghc_version, manifest: JSON.parse(row.manifest) as Record<string, ManifestEntry> };
    return {
      ghcprofSummary: SUMMARY_VERSION,
      sha256: row.sha256,
      record: {
        source: row.source,
        runDirectory: row.run_directory,
        node: row.node,
        format: row.format,
        formatDetail: row.format_detail,
        program: row.program,
        measures: { ticks: row.ticks_provenance, bytes: row.bytes_provenance, entries: row.entries_provenance, percentages: row.percentages },
        totals: {
          timeSecs: row.time_secs,
          ticks: row.ticks,
          allocBytes: row.alloc_bytes,
          secondsPerTick: row.seconds_per_tick,
          systemTicks: row.system_ticks,
          systemBytes: row.system_bytes,
        },
        stats,
      },
      header: JSON.parse(row.header) as SummaryHeader,
      programTotals: { ticks: row.program_ticks, bytes: row.program_bytes },
      runDirectory: meta === null || row.run_directory === null ? null : { path: row.run_directory, meta, start: row.start },
      warnings: JSON.parse(row.warnings) as string[],
      costCentres: this.statements.centres.all(row.id).map(([module, label, src, ...rest]) => ({ module, label, src, ...costs(rest) })),
      modules: this.statements.modules.all(row.id).map(([module, ...rest]) => ({ module, ...costs(rest) })),
    };
  }
}

function migrate(db: Database, path: string): void {
  const version = (): number => db.pragma('user_version', { simple: true }) as number;
  if (version() > SCHEMA_VERSION) throw new InputError({ source: path }, `store schema version ${version()} is newer than this ghcprof knows (${SCHEMA_VERSION}); upgrade ghcprof`);
  if (version() === SCHEMA_VERSION) return;
  // IMMEDIATE, and the version read again inside: two processes opening a new store migrate it once.
  db.transaction(() => {
    const from = version();
    if (from === 0) {
      const tables = db.prepare<[], number>("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").pluck().get()!;
      if (tables > 0) throw new InputError({ source: path }, 'not a ghcprof store: an SQLite database with tables of its own and no schema version');
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= from) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

/** WAL lets readers and one writer work at once; switching needs a moment alone with the file. */
function useWal(db: Database, path: string): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode === 'wal') return;
      throw new InputError({ source: path }, `cannot use write-ahead logging (journal mode stays ${String(mode)})`);
    } catch (error) {
      if (errorCode(error) !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
    }
  }
}

/** Opens (and migrates) a store; `create` makes the file when missing. */
export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<ProfileStore> {
  if (!options.create && !existsSync(path)) throw new InputError({ source: path }, 'no such store (`ghcprof store add PATH... --store FILE` makes one)');
  // Loaded on first use: the native module costs every other command nothing.
  const { default: Sqlite } = await import('better-sqlite3');
  let db: Database | null = null;
  try {
    db = new Sqlite(path, { timeout: BUSY_TIMEOUT_MS, fileMustExist: !options.create });
    useWal(db, path);
    db.pragma('foreign_keys = ON');
    migrate(db, path);
    return new ProfileStore(db, path);
  } catch (error) {
    db?.close();
    if (error instanceof InputError) throw error;
    const code = errorCode(error);
    if (code === 'SQLITE_NOTADB') throw new InputError({ source: path }, 'not a ghcprof store (not an SQLite database)');
    if (code === 'SQLITE_CANTOPEN') throw new InputError({ source: path }, 'cannot open the store (no such folder, or not writable)');
    if (code !== undefined && code.startsWith('SQLITE_')) throw new InputError({ source: path }, `store: ${(error as Error).message} (${code})`);
    throw error;
  }
}

/** Opens an existing store for `use` and closes it after, whatever happens: what the readers of a store (`--store FILE`) do. */
export async function withStore<T>(path: string, use: (store: ProfileStore) => T | Promise<T>): Promise<T> {
  const store = await openStore(path);
  try {
    return await use(store);
  } finally {
    store.close();
  }
}
