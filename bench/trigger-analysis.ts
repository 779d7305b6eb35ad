import { analyzeCode } from '../shared/analysis/index.ts';
import type { CodeUpdate } from '../shared/protocol.ts';
import { applyStep, emptyState, step } from '../services/trigger/step.ts';
import type { TriggerSettings } from '../services/trigger/settings.ts';
import { fileOf } from './trigger-files.ts';

// `node --import tsx bench/trigger-analysis.ts`: what the trigger spends on one code update of a
// 500-line file, per supported language: the parse and analysis (analyzeCode) alone, and the whole
// decision (analysis + step: diffs, boundary, candidates, rules). Files are the recorded eval
// sessions' final programs of that language, copied with their functions renamed until they pass
// 500 lines; each timed update edits one line in the middle (a candidate typing), so nothing is
// served from a cache. Prints JSON (ms). BENCH_ANALYSIS_RUNS (200) sets the updates per language.

const RUNS = Number(process.env.BENCH_ANALYSIS_RUNS ?? 200);
const SETTINGS: TriggerSettings = { minIntervalSec: 90, quietStartSec: 60, maxQuestions: 5, minDiffLines: 5, pendingTimeoutSec: 300, pauseSec: 20, settleSec: 8 };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(3));
};

async function benchLanguage(language: string) {
  const file = await fileOf(language);
  const lines = file.split('\n');
  const mid = Math.floor(lines.length / 2);
  const analysisMs: number[] = [];
  const decisionMs: number[] = [];
  let state = emptyState();
  let prev = await analyzeCode(file, language);
  state = { ...state, lastCode: file, lastSeq: 0, analysis: prev };
  for (let i = 0; i < RUNS + 20; i++) {
    // One line edited in the middle, a different number each time (no cache can answer it).
    const edited = [...lines];
    edited[mid] = `${edited[mid]} ${language === 'python' ? '#' : '//'} ${i}`;
    const code = edited.join('\n');
    const t0 = process.hrtime.bigint();
    const analysis = await analyzeCode(code, language);
    const t1 = process.hrtime.bigint();
    const frame: CodeUpdate = { type: 'code_update', seq: i + 1, code, language, ts: i };
    const res = step('bench', frame, 1_000_000 + i * 250, state, SETTINGS, analysis);
    const t2 = process.hrtime.bigint();
    state = applyStep(state, i + 1, 1_000_000 + i * 250, { ...res, ask: null });
    prev = analysis;
    if (i < 20) continue; // warm-up: the parser's first calls compile the grammar
    analysisMs.push(Number(t1 - t0) / 1e6);
    decisionMs.push(Number(t2 - t0) / 1e6);
  }
  return {
    language, lines: lines.length, bytes: file.length, functions: prev?.functions.length ?? 0, parseOk: prev?.parseOk ?? false,
    analysisMs: { p50: pct(analysisMs, 0.5), p99: pct(analysisMs, 0.99), max: pct(analysisMs, 1) },
    decisionMs: { p50: pct(decisionMs, 0.5), p99: pct(decisionMs, 0.99), max: pct(decisionMs, 1) },
  };
}

const results = [];
for (const language of ['python', 'javascript', 'typescript', 'java', 'go', 'cpp']) results.push(await benchLanguage(language));
console.log(JSON.stringify({ bench: 'trigger-analysis', runs: RUNS, targetP99Ms: 5, results }, null, 2));
