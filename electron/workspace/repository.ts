import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { workspaceMeta } from '../db/schema';

/** Facts about the workspace itself, e.g. whether it holds demo data. */
export function readMeta(db: Queryable, key: string): string | undefined {
  return db.select({ value: workspaceMeta.value }).from(workspaceMeta).where(eq(workspaceMeta.key, key)).get()?.value;
}

export function writeMeta(db: Queryable, key: string, value: string): void {
  db.insert(workspaceMeta).values({ key, value }).onConflictDoUpdate({ target: workspaceMeta.key, set: { value } }).run();
}

export function deleteMeta(db: Queryable, key: string): void {
  db.delete(workspaceMeta).where(eq(workspaceMeta.key, key)).run();
}
