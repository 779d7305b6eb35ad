import type { Queryable } from '../../shared/db/pool.ts';
import type { Counts, Finding } from './findings.ts';
import { atPath, jsonDiff, sameJson, show } from './findings.ts';

// The stored report rebuilt with the reporter's own code (loadReportInput + buildReport) from what
// is in Postgres now, and compared with the stored one, `generatedAt` aside. The reporter's modules
// are loaded lazily: if they cannot load, the other checks still run and the verdict says why the
// report was not rebuilt.

type Queries = typeof import('../../services/reporter/queries.ts');
type ReportModule = typeof import('../../services/reporter/report.ts');
type SummaryModules = [typeof import('../../services/reporter/summary/output.ts'), typeof import('../../services/reporter/summary/heuristic.ts')];

export interface ReportCheck {
  findings: Finding[];
  status: Counts['report'];
}

function describe(stored: unknown, rebuilt: unknown): string {
  if (Array.isArray(stored) && Array.isArray(rebuilt)) {
    const i = stored.findIndex((x, n) => !sameJson(x, rebuilt[n]));
    const at = i < 0 ? rebuilt.length - 1 : i;
    return `stored ${stored.length} items, rebuilt ${rebuilt.length}; first difference at [${at}]: stored ${show(stored[at])}, rebuilt ${show(rebuilt[at])}`;
  }
  return `stored ${show(stored)}, rebuilt ${show(rebuilt)}`;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

export async function verifyReport(db: Queryable, sessionId: string, stored: Record<string, unknown> | null): Promise<ReportCheck> {
  if (!stored) return { findings: [], status: 'none stored' };
  let queries: Queries;
  let reportModule: ReportModule;
  let summary: SummaryModules;
  try {
    [queries, reportModule, ...summary] = await Promise.all([
      import('../../services/reporter/queries.ts'), import('../../services/reporter/report.ts'),
      import('../../services/reporter/summary/output.ts'), import('../../services/reporter/summary/heuristic.ts'),
    ]);
  } catch (err) {
    return { findings: [], status: `not rebuilt: the reporter's modules do not load (${message(err)})` };
  }
  if (typeof queries.loadReportInput !== 'function' || typeof reportModule.buildReport !== 'function') {
    return { findings: [], status: 'not rebuilt: services/reporter has no loadReportInput/buildReport' };
  }
  const where = `reports ${sessionId}`;
  let rebuilt: unknown;
  const findings: Finding[] = [];
  try {
    const input = await queries.loadReportInput(db, sessionId);
    if (!input) return { findings: [{ check: 'report', where, message: 'the session the report is about cannot be loaded' }], status: 'compared' };
    const generatedAt = typeof stored.generatedAt === 'string' ? new Date(stored.generatedAt) : new Date(0);
    // Through JSON, as the report was stored (jsonb): dates become ISO strings, undefined drops out.
    rebuilt = JSON.parse(JSON.stringify(reportModule.buildReport({ ...input, generatedAt })));
    // The summary is the recorded one (read back by loadReportInput); when the heuristic wrote it (no
    // model, or the model failed) it is also re-derived from the report it was written about.
    const rec = input.summary;
    if (rec && (rec.fallback || rec.provider === 'heuristic')) {
      const [{ summaryInput, SummaryOutput }, { heuristicSummary }] = summary;
      const recorded = SummaryOutput.safeParse(rec.output);
      const derived = heuristicSummary(summaryInput(reportModule.buildReport({ ...input, summary: null, generatedAt })));
      if (!recorded.success || recorded.data.summary !== derived) {
        findings.push({ check: 'report', where: `llm_calls ${queries.summaryCallKey(sessionId)}`, path: 'summary.text', message: `the heuristic summary ${show(recorded.success ? recorded.data.summary : rec.output)} differs from ${show(derived)}, re-derived from the report` });
      }
    }
  } catch (err) {
    return { findings: [{ check: 'report', where, message: `could not be rebuilt: ${message(err)}` }], status: 'compared' };
  }
  const paths = jsonDiff(stored, rebuilt).filter((p) => p !== 'generatedAt');
  findings.push(...paths.map((path) => ({ check: 'report' as const, where: `${where} at ${path}`, path, message: describe(atPath(stored, path), atPath(rebuilt, path)) })));
  return { findings, status: 'compared' };
}
