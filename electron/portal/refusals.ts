import type { TokenRefusal } from '../impersonation/tokens';

/** How long the repeats of one kind of refusal are added up before they are recorded. */
export const REFUSAL_WINDOW_MS = 60_000;

export interface RefusalRecorder {
  /** The first refusal of its kind in a window, recorded at once. */
  first(refusal: TokenRefusal): void;
  /** The repeats of a window that ended, counted per kind: one record for all. */
  repeated(counts: Partial<Record<TokenRefusal, number>>, from: number, to: number): void;
}

/**
 * Refusals of sign-in links that name nobody we can trust (not signed by this
 * workspace, damaged, expired, for another portal): anyone can send them, as
 * many as they like. Each kind's first refusal in a window is recorded at once;
 * the repeats are counted and recorded as one entry when the window ends. So
 * the audit grows with time, by a few entries a minute at most, not with the
 * number of requests, and the memory held is one counter per kind.
 */
export class RefusalTally {
  private readonly counts = new Map<TokenRefusal, number>();
  private seen = new Set<TokenRefusal>();
  private since = 0;

  constructor(
    private readonly now: () => number,
    private readonly record: RefusalRecorder,
  ) {}

  count(refusal: TokenRefusal): void {
    this.flushIfDue();
    if (this.seen.size === 0) this.since = this.now();
    if (!this.seen.has(refusal)) {
      this.seen.add(refusal);
      this.record.first(refusal);
    } else {
      this.counts.set(refusal, (this.counts.get(refusal) ?? 0) + 1);
    }
  }

  /** Records the repeats of a window that has ended; also called on a timer, so they do not wait for the next refusal. */
  flushIfDue(): void {
    if (this.seen.size > 0 && this.now() >= this.since + REFUSAL_WINDOW_MS) this.flush();
  }

  /** Records the repeats counted so far and starts afresh (the portal stops). */
  flush(): void {
    const counts = Object.fromEntries(this.counts) as Partial<Record<TokenRefusal, number>>;
    const from = this.since;
    this.counts.clear();
    this.seen = new Set();
    // Repeats are counted only inside their window: it ends at the latest a window's length after it began.
    if (Object.keys(counts).length > 0) this.record.repeated(counts, from, Math.min(this.now(), from + REFUSAL_WINDOW_MS));
  }
}
