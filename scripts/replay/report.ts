import type { Queryable } from '../../shared/db/pool.ts';
import type { Counts, Finding } from './findings.ts';
import { atPath, jsonDiff, sameJson, show } from './findings.ts';

// The stored report rebuilt with the reporter's own code (loadReportInput + buildReport) from what
// is in Postgres now, and compared with the stored one, `generatedAt` aside. The reporter's modules
// are loaded lazily: if they cannot load, the other checks still run and the verdict says why the
// report was not rebuilt.

type Queries = typeof import('../../services/reporter/queries.ts');
type ReportModule = typeof import('../../services/reporter/report.ts');

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
  try {
    [queries, reportModule] = await Promise.all([import('../../services/reporter/queries.ts'), import('../../services/reporter/report.ts')]);
  } catch (err) {
    return { findings: [], status: `not rebuilt: the reporter's modules do not load (${message(err)})` };
  }
  if (typeof queries.loadReportInput !== 'function' || typeof reportModule.buildReport !== 'function') {
    return { findings: [], status: 'not rebuilt: services/reporter has no loadReportInput/buildReport' };
  }
  const where = `reports ${sessionId}`;
  let rebuilt: unknown;
  try {
    const input = await queries.loadReportInput(db, sessionId);
    if (!input) return { findings: [{ check: 'report', where, message: 'the session the report is about cannot be loaded' }], status: 'compared' };
    const generatedAt = typeof stored.generatedAt === 'string' ? new Date(stored.generatedAt) : new Date(0);
    // Through JSON, as the report was stored (jsonb): dates become ISO strings, undefined drops out.
    rebuilt = JSON.parse(JSON.stringify(reportModule.buildReport({ ...input, generatedAt })));
  } catch (err) {
    return { findings: [{ check: 'report', where, message: `could not be rebuilt: ${message(err)}` }], status: 'compared' };
  }
  const paths = jsonDiff(stored, rebuilt).filter((p) => p !== 'generatedAt');
  const findings: Finding[] = paths.map((path) => ({ check: 'report', where: `${where} at ${path}`, path, message: describe(atPath(stored, path), atPath(rebuilt, path)) }));
  return { findings, status: 'compared' };
}
