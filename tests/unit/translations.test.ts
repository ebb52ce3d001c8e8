import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import de from '../../renderer/i18n/de.json';
import en from '../../renderer/i18n/en.json';
import { channelNames, events } from '../../shared/ipc/contract';
import { permissionKeys } from '../../shared/permissions';
import { workspaceProblems } from '../../shared/workspace';

/** Every TypeScript source of the main process and the shared code. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}
const code = [...sources('electron'), ...sources('shared')].join('\n');

const lookup = (catalogue: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);

// Audit actions are dotted (`client.created`); Electron's window-open handlers answer `{ action: 'deny' }`, which is none.
const auditActions = new Set([...code.matchAll(/\baction: '(\w+\.[\w.]+)'/g)].map((m) => m[1]!));
/** Dotted names that are not messages: channels, events, rights, audit actions, files and stored settings. */
const notMessages = new Set<string>([...channelNames, ...Object.keys(events), ...permissionKeys, ...auditActions, 'workspace.sqlite', 'impersonation.settings']);
const messageKeys = [
  ...new Set(
    [...code.matchAll(/['`"]((?:errors|validation|signIn|workspace|clients|clientUsers|impersonation|features|credits|branding|import)\.[A-Za-z0-9.-]+)['`"]/g)]
      .map((m) => m[1]!)
      .filter((key) => !notMessages.has(key)),
  ),
  ...workspaceProblems.map((problem) => `workspace.problem.${problem}`),
];
/** Keys built at run time (`clients.cannot.${action}`): their group must exist, holding texts only. */
const keyGroups = [...new Set([...code.matchAll(/`((?:clients|import|features|credits|branding|impersonation)\.[A-Za-z0-9.-]*)\.\$\{/g)].map((m) => m[1]!))];

describe('translations', () => {
  it('found the message keys the main process sends', () => {
    expect(messageKeys).toEqual(expect.arrayContaining(['errors.internal', 'signIn.wait', 'validation.required', 'workspace.problem.corrupt']));
  });

  it.each([
    ['English', en],
    ['German', de],
  ])('%s has words for every message key, audit action and right', (_language, catalogue) => {
    const missing = [
      ...messageKeys.filter((key) => typeof lookup(catalogue, key) !== 'string'),
      ...[...auditActions].filter((action) => typeof lookup(catalogue, `audit.action.${action}`) !== 'string').map((a) => `audit.action.${a}`),
      ...permissionKeys.filter((key) => typeof lookup(catalogue, `permissions.${key}`) !== 'string').map((k) => `permissions.${k}`),
      ...keyGroups.filter((group) => {
        const node = lookup(catalogue, group);
        return !node || typeof node !== 'object' || !Object.values(node).every((text) => typeof text === 'string');
      }),
    ];
    expect(missing).toEqual([]);
  });

  it('uses the same parameters in both languages', () => {
    const params = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();
    for (const key of messageKeys) expect(params(lookup(de, key)), key).toEqual(params(lookup(en, key)));
  });
});
