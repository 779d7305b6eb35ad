// `npm run eval [-- part…] [--verbose]`: how good the interviewer's judgment is, measured on the
// labelled sets in eval/. Exit 1 when a part misses its target.
import type { EvalPart } from './types.ts';
import { parts } from './parts.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const wanted = args.filter((a) => !a.startsWith('--'));
const chosen: EvalPart[] = wanted.length ? parts.filter((p) => wanted.includes(p.name)) : parts;

let failed = 0;
for (const part of chosen) {
  const r = await part.run({ verbose });
  console.log(`\n== ${part.name}: ${r.ok ? 'meets its target' : 'MISSES its target'}`);
  for (const l of r.lines) console.log(l);
  if (!r.ok) failed++;
}
process.exitCode = failed ? 1 : 0;
