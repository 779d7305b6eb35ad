// Usage: npm run replay -- <sessionId> [--verify] [--json]
// Rebuilds one session from Postgres alone (DATABASE_URL) and checks it: the archive's hash chain,
// the code snapshots, the trigger's decisions re-run on the recorded code, questions, grades and
// follow-ups re-derived from the recorded model outputs, and the stored report rebuilt (its summary
// from the recorded summary call; a heuristic summary re-derived from the report). Prints a timeline and
// a verdict; --verify prints only the verdict, its findings and its notes (consistent with the live
// system, e.g. a question withdrawn at the end, never part of the verdict); --json prints the whole result.
// The trigger defaults come from the environment (TRIGGER_*), as the trigger service reads them.
// Exit code: 0 when everything matches, 1 when anything differs, 2 when the replay could not run.
import { loadConfig } from '../../shared/config.ts';
import { createPool } from '../../shared/db/pool.ts';
import { UUID } from '../../shared/session.ts';
import { formatReplay } from './print.ts';
import { replaySession, SessionNotFound } from './replay.ts';

const USAGE = 'usage: npm run replay -- <sessionId> [--verify] [--json]';

function fail(message: string, code = 2): never {
  console.error(`replay: ${message}`);
  process.exit(code);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const positional = args.filter((a) => !a.startsWith('--'));
  for (const f of flags) if (!['--verify', '--json', '--help'].includes(f)) fail(`unknown option ${f}\n${USAGE}`);
  if (flags.has('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (positional.length !== 1 || !UUID.test(positional[0])) fail(USAGE);
  const sessionId = positional[0].toLowerCase();

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const pool = createPool(config.DATABASE_URL, 2, 'replay');
  try {
    const result = await replaySession(pool, sessionId);
    console.log(flags.has('--json') ? JSON.stringify(result, null, 2) : formatReplay(result, { verify: flags.has('--verify') }));
    return result.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof SessionNotFound) fail(err.message);
    fail(`could not replay ${sessionId}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await pool.end().catch(() => undefined);
  }
}

process.exit(await main());
