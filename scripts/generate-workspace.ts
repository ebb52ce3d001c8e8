// Writes a demo workspace of any size (the demo operator plus N clients):
//   npm run generate:workspace -- --clients 100000 --out /tmp/big.sqlite
// Sign in with demo@reseller-desk.test / demo-password. Its data key is written beside it
// (big.sqlite.secrets.json): see keyFileOf in scripts/workspaces.ts.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoWorkspace, keyFileOf } from './workspaces';

const { values } = parseArgs({ options: { clients: { type: 'string', default: '100000' }, out: { type: 'string' } } });
const clients = Number(values.clients);
if (!Number.isInteger(clients) || clients < 0) throw new Error(`--clients must be a whole number, not "${values.clients}"`);
if (!values.out) throw new Error('--out <file> is required');
const file = resolve(values.out);
if (existsSync(file)) throw new Error(`${file} exists already; choose a new file`);
const started = performance.now();
await generateDemoWorkspace(file, clients);
console.log(`${file}: ${clients} clients in ${((performance.now() - started) / 1000).toFixed(1)} s; its data key in ${keyFileOf(file)}`);
