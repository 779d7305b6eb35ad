import { analyzeCode, type CodeAnalysis } from '../../shared/analysis/index.ts';
import { loadConfig } from '../../shared/config.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import { defaultSettings, resolveSettings, type TriggerSettings } from '../../services/trigger/settings.ts';
import { verifyChain } from './chain.ts';
import type { Counts, Finding, ReplayResult } from './findings.ts';
import { inOrder, loadSession } from './load.ts';
import { buildTimeline } from './print.ts';
import { verifyRecords } from './records.ts';
import { verifyReport } from './report.ts';
import { verifySnapshots } from './snapshots.ts';
import { replayTrigger } from './trigger.ts';

// The audit replay: one session rebuilt from Postgres alone and checked end to end — the archive's
// hash chain, the code snapshots against the archived hashes, the trigger's decisions re-run on the
// recorded code, questions and grades re-derived from the recorded model outputs, the report
// rebuilt — with a timeline and every difference located.

export type { Counts, Finding, Note, ReplayResult, TimelineItem } from './findings.ts';

export interface ReplayOptions {
  /** the trigger defaults the live service ran with; default: from the environment, as the service reads them */
  defaults?: TriggerSettings;
  analyze?: (code: string, language: string) => Promise<CodeAnalysis | null>;
  /** rebuild and compare the stored report (default true) */
  report?: boolean;
}

export class SessionNotFound extends Error {
  constructor(readonly sessionId: string) {
    super(`no session ${sessionId}`);
  }
}

export async function replaySession(db: Queryable, sessionId: string, opts: ReplayOptions = {}): Promise<ReplayResult> {
  const data = await loadSession(db, sessionId);
  if (!data) throw new SessionNotFound(sessionId);
  const ordered = inOrder(data.events);
  const outEvents = data.events.filter((e) => e.stream === 'out').length;
  const compareOut = outEvents > 0;
  const findings: Finding[] = [];
  if (!compareOut && data.events.length) {
    findings.push({
      check: 'session', where: `sessions ${sessionId}`,
      message: 'no out events are archived (the out stream is archived when the session is cleaned up): decisions, questions and grades cannot be compared',
    });
  }

  findings.push(...verifyChain(data.events));
  findings.push(...verifySnapshots(data.events, data.snapshots));
  const settings = resolveSettings(opts.defaults ?? defaultSettings(loadConfig()), data.session.settings);
  const trigger = await replayTrigger({
    sessionId, ordered, snapshots: data.snapshots, interactions: data.interactions, settings,
    analyze: opts.analyze ?? analyzeCode, compare: compareOut, llmCalls: data.llmCalls,
  });
  findings.push(...trigger.findings);
  const records = verifyRecords(data, compareOut);
  findings.push(...records.findings);
  const report = opts.report === false ? { findings: [], status: 'not rebuilt: not asked to' as const } : await verifyReport(db, sessionId, data.report);
  findings.push(...report.findings);

  const counts: Counts = {
    events: data.events.length,
    inEvents: data.events.length - outEvents,
    outEvents,
    codeUpdates: data.events.filter((e) => e.stream === 'in' && e.type === 'code_update').length,
    decisions: trigger.compared,
    asks: trigger.asks,
    questions: records.questions,
    evaluations: records.evaluations,
    report: report.status,
  };
  return { ok: findings.length === 0, sessionId, findings, notes: trigger.notes, timeline: buildTimeline(ordered, data, findings), counts };
}
