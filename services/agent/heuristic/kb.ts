// The knowledge base on top of the built-in rubric. The shipped kb/*.json is read once per process
// (no Chroma needed); chunks retrieved from Chroma for a call are merged the same way. A concept the
// KB knows under the same name, or sharing a synonym, gains the KB's synonyms; misconceptions are
// added. If the KB is missing or invalid the built-in rubric alone is used: grading stays offline.
import { loadKnowledgeBase } from '../../../kb/schema.ts';
import type { RetrievedChunk } from '../provider.ts';
import { findClasses } from './complexity.ts';
import { readConcepts, readMisconceptions, type Concept, type Misconception } from './expected.ts';
import type { RubricEntry } from './rubric.ts';

export interface KbEntry {
  id: string;
  topic: string;
  concepts: Concept[];
  misconceptions: Misconception[];
}

let cached: Promise<Map<string, KbEntry> | null> | null = null;

/** The shipped knowledge base by chunk id, or null when it cannot be read (never throws). */
export function knowledgeBase(): Promise<Map<string, KbEntry> | null> {
  if (!cached) {
    cached = loadKnowledgeBase()
      .then((chunks) => new Map(chunks.map((k) => [k.id, {
        id: k.id, topic: k.topic, concepts: readConcepts(k.concepts), misconceptions: readMisconceptions(k.misconceptions ?? []),
      }])))
      .catch(() => null);
  }
  return cached;
}

const key = (s: string) => s.toLowerCase().trim();

/** Union of concept lists: same name or a shared synonym merges synonyms; others are appended when `addNew`. */
export function mergeConcepts(base: Concept[], extra: Concept[], addNew: boolean): Concept[] {
  const out = base.map((x) => ({ name: x.name, synonyms: [...x.synonyms] }));
  for (const e of extra) {
    const terms = new Set([e.name, ...e.synonyms].map(key));
    const hit = out.find((o) => key(o.name) === key(e.name) || [o.name, ...o.synonyms].some((t) => terms.has(key(t))));
    if (hit) {
      const have = new Set([hit.name, ...hit.synonyms].map(key));
      for (const t of [e.name, ...e.synonyms]) if (!have.has(key(t))) { hit.synonyms.push(t); have.add(key(t)); }
    } else if (addNew && out.length < 12) {
      out.push({ name: e.name, synonyms: [...e.synonyms] });
    }
  }
  return out;
}

/** A misconception whose claim names one complexity class is recognised by that class. */
function withClass(m: Misconception): Misconception {
  if (m.cls || m.cues) return m;
  const classes = [...new Set(findClasses(m.claim).map((x) => x.cls))];
  return classes.length === 1 ? { ...m, cls: classes[0] } : m;
}

function mergeMisconceptions(base: Misconception[], extra: Misconception[]): Misconception[] {
  const out = [...base];
  for (const m of extra) if (!out.some((o) => key(o.claim) === key(m.claim)) && out.length < 12) out.push(m);
  return out;
}

export interface ResolvedRubric {
  concepts: Concept[];
  need: number;
  misconceptions: Misconception[];
  kb: string[];
}

/**
 * The rubric for one question: built-in entry, refined by its mapped KB chunks (new concepts added
 * only from those), then by retrieved chunks of the same topic (synonyms and misconceptions only,
 * so an unrelated retrieval cannot raise the bar).
 */
export async function resolveRubric(entry: RubricEntry, topic: string | null, retrieved: readonly RetrievedChunk[]): Promise<ResolvedRubric> {
  let concepts = entry.concepts;
  let misconceptions = entry.misconceptions ?? [];
  const used: string[] = [];
  const kb = await knowledgeBase();
  for (const id of entry.kb) {
    const chunk = kb?.get(id);
    if (!chunk) continue;
    used.push(id);
    concepts = mergeConcepts(concepts, chunk.concepts, entry.concepts.length === 0);
    misconceptions = mergeMisconceptions(misconceptions, chunk.misconceptions.map(withClass));
  }
  // With no built-in concepts at all (a topic we have no template for) the KB's topic chunks are the rubric.
  if (concepts.length === 0 && kb && topic) {
    for (const chunk of [...kb.values()].filter((k) => k.topic === topic).slice(0, 2)) {
      used.push(chunk.id);
      concepts = mergeConcepts(concepts, chunk.concepts, true);
      misconceptions = mergeMisconceptions(misconceptions, chunk.misconceptions);
    }
  }
  for (const r of retrieved) {
    if (topic && r.metadata.topic !== topic) continue;
    const rc = readConcepts(r.metadata.concepts);
    concepts = mergeConcepts(concepts, rc, concepts.length === 0);
    misconceptions = mergeMisconceptions(misconceptions, readMisconceptions(r.metadata.misconceptions));
    const id = typeof r.metadata.chunkId === 'string' ? r.metadata.chunkId : r.id;
    if (rc.length && !used.includes(id)) used.push(id);
  }
  const need = Math.max(1, Math.min(entry.need, concepts.length || 1));
  return { concepts, need, misconceptions, kb: used };
}
