import { analyzeCode } from '../../shared/analysis/index.ts';
import { loadConfig } from '../../shared/config.ts';
import { defaultSettings, type TriggerSettings } from '../../services/trigger/settings.ts';
import { step } from '../../services/trigger/step.ts';
import { sessions } from '../../eval/sessions/index.ts';
import { replaySession, totals, type SessionOutcome } from '../../eval/sessions/replay.ts';
import type { SessionScript } from '../../eval/sessions/script.ts';
import { simulate } from '../../eval/sessions/typing.ts';
import { triggerClock } from './clock.ts';
import type { EvalPart, EvalResult } from './types.ts';

// Replayed sessions: recorded typing (eval/sessions/*.ts) through the trigger with default settings,
// compared with the moments a person would ask, marked by hand. Target: no question mid-token, and
// at least 60 % of the marked moments get a question.

const MIN_HIT_RATE = 0.6;

const secs = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
const pct = (x: number) => `${(100 * x).toFixed(0)} %`;

export async function runSessions(scripts: SessionScript[], settings: TriggerSettings): Promise<{ outcomes: SessionOutcome[]; durations: number[] }> {
  const clock = triggerClock();
  const outcomes: SessionOutcome[] = [];
  const durations: number[] = [];
  for (const s of scripts) {
    const sim = simulate(s);
    durations.push(sim.durationMs / 1000);
    outcomes.push(await replaySession({ analyze: analyzeCode, step, settings, clock }, s.id, sim, s.seed));
  }
  return { outcomes, durations };
}

export function describe(o: SessionOutcome, duration: number, verbose: boolean): string[] {
  const t = totals([o]);
  const lines = [`${o.id.padEnd(28)} ${secs(duration).padStart(6)}  asks ${t.asks}  on a mark ${t.asksOnMark}  mid-token ${t.asksMidToken}  marks hit ${t.marksHit}/${t.marks}`];
  for (const a of o.asks) {
    const where = a.mark === null ? 'no mark' : `mark ${a.mark + 1}${a.hit ? '' : ' (not counted)'}`;
    lines.push(`    ask ${secs(a.sec).padStart(6)} ${a.via.padEnd(6)} ${a.reasonCode.padEnd(20)} ${`${a.topic}:${a.function}`.padEnd(34)} ${where}${a.midToken ? '  MID-TOKEN' : ''}`);
  }
  o.marks.forEach((m, i) => {
    if (!o.hit[i] || verbose) lines.push(`    mark ${i + 1} [${secs(m.fromSec)}–${secs(m.toSec)}] ${o.hit[i] ? 'hit   ' : 'MISSED'} ${m.about}`);
  });
  return lines;
}

export const sessionsPart: EvalPart = {
  name: 'sessions',
  async run({ verbose }): Promise<EvalResult> {
    const settings = defaultSettings(loadConfig({}));
    const { outcomes, durations } = await runSessions(sessions, settings);
    const t = totals(outcomes);
    const lines = [
      `${t.sessions} recorded sessions, default settings (quiet start ${settings.quietStartSec}s, interval ${settings.minIntervalSec}s, at most ${settings.maxQuestions} questions), ` +
        'time-driven decisions on; times are on the typing clock (answering excluded)',
      ...outcomes.flatMap((o, i) => describe(o, durations[i], verbose)),
      `asks ${t.asks}, on a marked moment ${t.asksOnMark}, mid-token ${t.asksMidToken}; marked moments ${t.marks}, hit ${t.marksHit} (${pct(t.hitRate)}), missed ${t.marksMissed}`,
      `target: no ask mid-token and at least ${pct(MIN_HIT_RATE)} of marked moments hit`,
    ];
    return {
      figures: { asks: t.asks, asksOnMark: t.asksOnMark, asksMidToken: t.asksMidToken, marks: t.marks, marksHit: t.marksHit, marksMissed: t.marksMissed, hitRate: t.hitRate },
      lines,
      ok: t.asksMidToken === 0 && t.hitRate >= MIN_HIT_RATE,
    };
  },
};
