// Prints the question the real heuristic provider asks for labelled situations, and its answer key,
// without grading anything: answers for a new blind batch are written (and scored by hand) from the
// question alone. Usage: node --import tsx scripts/eval/ask-situation.ts <situation-id>...
import { createHeuristicProvider } from '../../services/agent/heuristic/provider.ts';
import { loadSituations } from './answers.ts';

const ids = new Set(process.argv.slice(2));
const provider = createHeuristicProvider();
for (const s of loadSituations().filter((x) => !ids.size || ids.has(x.id))) {
  const q = await provider.question({
    sessionId: `ask-${s.id}`, seq: 1, language: s.language, code: s.code, reasonCode: 'eval', reason: 'evaluation',
    context: { function: s.function, topic: s.topic, facts: { function: s.function } }, asked: [], retrieved: [],
  });
  const { concepts: _c, ...key } = q.expected as Record<string, unknown>;
  console.log(`${s.id} [${q.topic}${q.topic === s.topic ? '' : ` != ${s.topic}`}]\n  ${q.text}\n  key ${JSON.stringify(key)}`);
}
