// `npm run bench`: one JSON object per line, {"name", "value", "unit"}.
// Runs on a 100,000-client demo workspace (generated once into the temp folder).
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { listClients } from '../electron/clients/repository';
import { schema } from '../electron/db/schema';
import { percentile, signInWithDemo, startHeadless } from './drive';
import { cachedDemoWorkspace } from './workspaces';

const CLIENTS = 100_000;
const print = (name: string, value: number, unit: string) =>
  console.log(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit }));

/** What an operator types, letter by letter: common and rare prefixes, names, e-mails, cities. */
const searches = ['b', 'bä', 'bäc', 'bäck', 'm', 'mü', 'mül', 'müller', 'n', 'no', 'nor', 'north', 'a', 'an', 'ann', 'anna', 'g', 'gm', 'gmbh', 'o', 'oli', 'olivia', 'olivia s', 'olivia smith', 'dental', 'dental care', 'zür', 'london', 'x', 'qz'];

const workspace = await cachedDemoWorkspace(CLIENTS);
const run = await startHeadless({ workspace });
try {
  const { page, app } = run;
  const startedAt = performance.now() - run.signInReadyMs;
  await signInWithDemo(page);
  print('start.signin_ready_ms', run.signInReadyMs, 'ms');
  // Launch to a client list that answers; the sign-in itself (scrypt, ~60 ms) is part of it, typing is not.
  print('start.interactive_ms', performance.now() - startedAt, 'ms');

  // IPC: renderer → main → renderer on a trivial channel, and the same handler in-process.
  const roundTrips = await page.evaluate(async () => {
    const bridge = (window as unknown as { resellerDesk: { invoke(c: string): Promise<unknown> } }).resellerDesk;
    for (let i = 0; i < 300; i++) await bridge.invoke('app.info');
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const started = performance.now();
      await bridge.invoke('app.info');
      times.push(performance.now() - started);
    }
    return times;
  });
  print('ipc.roundtrip.p50_ms', percentile(roundTrips, 50), 'ms');
  print('ipc.roundtrip.p95_ms', percentile(roundTrips, 95), 'ms');
  const sender = { url: `${app.shell.workspaceOrigin}/index.html`, isMainFrame: true };
  const direct: number[] = [];
  for (let i = 0; i < 2300; i++) {
    const started = performance.now();
    await app.core.dispatch(sender, 'app.info', undefined);
    if (i >= 300) direct.push(performance.now() - started);
  }
  print('ipc.direct.p50_ms', percentile(direct, 50), 'ms');
  print('ipc.direct.p95_ms', percentile(direct, 95), 'ms');

  // Search as the UI asks for it (first page of 100, with total), through the bridge.
  const viaApp = await page.evaluate(async (queries) => {
    const bridge = (window as unknown as { resellerDesk: { invoke(c: string, i: unknown): Promise<unknown> } }).resellerDesk;
    const times: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (const query of queries) {
        const started = performance.now();
        await bridge.invoke('clients.list', { query, offset: 0, limit: 100 });
        if (round > 0) times.push(performance.now() - started);
      }
    }
    return times;
  }, searches);
  print('search.100k.p50_ms', percentile(viaApp, 50), 'ms');
  print('search.100k.p95_ms', percentile(viaApp, 95), 'ms');

  // Raw: the very statements the repository ran (captured from Drizzle's logger), prepared once, straight on SQLite.
  const sqlite = new Database(join(run.dataDir, 'workspace.sqlite'), { readonly: true });
  const captured: { sql: string; params: unknown[] }[] = [];
  const recorder = drizzle({ client: sqlite, schema, logger: { logQuery: (sql, params) => void captured.push({ sql, params }) } });
  const statements = searches.map((query) => {
    captured.length = 0;
    listClients(recorder, { operatorId: 1, allClients: true }, { query, offset: 0, limit: 100 });
    return captured.map(({ sql, params }) => ({ statement: sqlite.prepare(sql), params }));
  });
  const raw: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (const queries of statements) {
      const started = performance.now();
      for (const { statement, params } of queries) statement.all(...(params as unknown[]));
      if (round > 0) raw.push(performance.now() - started);
    }
  }
  sqlite.close();
  print('search.100k.raw_p50_ms', percentile(raw, 50), 'ms');
  print('search.100k.raw_p95_ms', percentile(raw, 95), 'ms');
  print('search.100k.ratio_p95', percentile(viaApp, 95) / percentile(raw, 95), 'x');
} finally {
  await run.app.stop();
  rmSync(run.dataDir, { recursive: true, force: true });
}
