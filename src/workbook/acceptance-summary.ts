/**
 * The acceptance log summed up per FAQ column and week: how many written values were the suggestion
 * as is, edited, or replaced. The Quality view draws it; `faq-assist acceptance` prints it.
 */
import type { FaqRole } from "../engine";
import type { AcceptanceEntry, Outcome } from "./acceptance-log";

export type OutcomeCounts = Record<Outcome, number>;

export interface WeekCounts {
  /** The Monday that starts the week, "YYYY-MM-DD", in the desk's own calendar (the entry's local date). */
  week: string;
  counts: OutcomeCounts;
}

export interface ColumnAcceptance {
  role: FaqRole;
  total: OutcomeCounts;
  /** Oldest week first; weeks without a write of this column are left out. */
  weeks: WeekCounts[];
}

const zero = (): OutcomeCounts => ({ accepted: 0, edited: 0, replaced: 0 });

/** The Monday of the week of a local date-time "YYYY-MM-DDThh:mm:ss+hh:mm" (its date part, as written). */
export function weekOf(at: string): string {
  const [year, month, day] = at.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return date.toISOString().slice(0, 10);
}

export function summarizeAcceptance(entries: readonly AcceptanceEntry[], roles: readonly FaqRole[]): ColumnAcceptance[] {
  return roles.map((role) => {
    const total = zero();
    const byWeek = new Map<string, OutcomeCounts>();
    for (const entry of entries) {
      for (const column of entry.columns) {
        if (column.role !== role) continue;
        const week = weekOf(entry.at);
        const counts = byWeek.get(week) ?? zero();
        counts[column.outcome]++;
        total[column.outcome]++;
        byWeek.set(week, counts);
      }
    }
    const weeks = [...byWeek].sort(([a], [b]) => a.localeCompare(b)).map(([week, counts]) => ({ week, counts }));
    return { role, total, weeks };
  });
}

/** Share of written values taken as suggested (accepted) — 0 when nothing was written. */
export function acceptedShare(counts: OutcomeCounts): number {
  const all = counts.accepted + counts.edited + counts.replaced;
  return all === 0 ? 0 : counts.accepted / all;
}
