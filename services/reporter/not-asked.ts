import type { z } from 'zod';
import type { MomentData } from '../../shared/protocol.ts';
import type { ReportNotAsked } from '../../shared/report.ts';
import { isoOr } from './util.ts';

// The moments the trigger held back and never asked, from its archived decisions: each decision
// records the held-back moments when they change (`held`) and the moment it asked about (`asked`).
// What is still held at the end was never asked, for the reason of the last decision that held it;
// what left the list unasked was dropped (its code changed or went, or better moments took its place).

export interface MomentDecisionRow {
  at: Date | string;
  seq: number | null;
  decision: string;
  reasonCode: string;
  held: MomentJson[] | null;
  asked: MomentJson | null;
}

export type MomentJson = z.infer<typeof MomentData>;

/** Why a moment was held back, as a reader would say it; by the reason code of the decision that held it. */
const GATE_WORDS: Record<string, string> = {
  question_pending: 'a question was still waiting for its answer, and the session ended before the next moment came',
  max_questions: "the session's maximum number of questions had already been asked",
  quiet_start: 'it came during the quiet first minutes, and the session ended before the next moment came',
  min_interval: 'the minimum time between questions had not passed, and the session ended before the next moment came',
  mid_edit: 'the candidate never stopped at a point where the line was finished and the code parsed',
  not_ready: 'the code it was about never looked finished (it did not parse or return a value, or the candidate was still writing it)',
  settling: 'each time a line was finished the candidate went on typing within a few seconds, and the session ended before a quiet moment came',
  ask: 'other moments that ranked higher were asked first, and no later moment came before the session ended',
};

function words(reasonCode: string): string {
  return GATE_WORDS[reasonCode] ?? 'no moment to ask came before the session ended';
}

interface Held {
  moment: MomentJson;
  since: Date | string;
  seq: number | null;
  lastGate: string;
}

/**
 * Moments still held back when the session ended. A moment that dropped out on the way (its code
 * changed or was deleted, as happens to facts read from half-typed code) was superseded, not missed:
 * listing it would show a reader claims about code that no longer exists. Each moment is described
 * as it was last held (its facts refreshed with the code) and dated from when it was first held.
 */
export function notAsked(rows: MomentDecisionRow[]): ReportNotAsked[] {
  const asked = new Set<string>();
  let current = new Map<string, Held>();
  for (const r of rows) {
    // An update recorded as superseded was never decided (services/trigger/session.ts): it holds nothing back.
    if (r.reasonCode === 'superseded') continue;
    if (r.asked) asked.add(r.asked.key);
    if (r.held) {
      const next = new Map<string, Held>();
      for (const m of r.held) {
        const prev = current.get(m.key);
        next.set(m.key, prev ? { ...prev, moment: m } : { moment: m, since: r.at, seq: r.seq, lastGate: r.reasonCode });
      }
      current = next;
    }
    for (const h of current.values()) h.lastGate = r.decision === 'ask' ? 'ask' : r.reasonCode;
  }
  const out: ReportNotAsked[] = [];
  for (const [k, h] of current) {
    if (asked.has(k)) continue;
    out.push({
      at: isoOr(h.since, ''), seq: h.seq, reasonCode: h.moment.reasonCode, topic: h.moment.topic, function: h.moment.function ?? null,
      lines: h.moment.lines ?? null, moment: h.moment.sentence, why: words(h.lastGate),
    });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.moment < b.moment ? -1 : 1));
}
