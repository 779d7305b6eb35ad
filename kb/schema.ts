import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Topic } from '../shared/topics.ts';

// The knowledge base the project ships: rubrics and concept notes, one JSON file per topic area,
// each an array of chunks. A grader reads `concepts` (what a good answer mentions, with the words a
// candidate may use instead) and `misconceptions` (what a wrong answer typically claims, and the
// feedback to give); a question writer reads `title` and `text`.

export const Concept = z.object({
  name: z.string().min(1).max(80),
  synonyms: z.array(z.string().min(1).max(80)).max(20),
}).strict();
export type Concept = z.infer<typeof Concept>;

export const Misconception = z.object({
  claim: z.string().min(5).max(300),
  feedback: z.string().min(10).max(600),
}).strict();
export type Misconception = z.infer<typeof Misconception>;

export const KbChunk = z.object({
  /** "<area>.<slug>", stable across releases: a grade's provenance points at it */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must look like "area.slug" (lowercase, digits, dashes)'),
  topic: Topic,
  title: z.string().min(3).max(120),
  /** 2–6 sentences */
  text: z.string().min(80).max(1200),
  concepts: z.array(Concept).min(1).max(12),
  misconceptions: z.array(Misconception).max(8).optional(),
}).strict();
export type KbChunk = z.infer<typeof KbChunk>;

export const KbFile = z.array(KbChunk).min(1);

export const KB_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The area of a chunk: the part of its id before the dot, which is also its file name. */
export function chunkArea(id: string): string {
  return id.slice(0, id.indexOf('.'));
}

/**
 * Reads and validates every *.json file in `dir` (default: this module's folder). Throws one error
 * naming every bad file and field: a chunk whose id does not start with its file's name, a duplicate
 * id, or a chunk that fails the schema.
 */
export async function loadKnowledgeBase(dir: string = KB_DIR): Promise<KbChunk[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`knowledge base: no .json files in ${dir}`);
  const problems: string[] = [];
  const chunks: KbChunk[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const area = file.slice(0, -'.json'.length);
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const parsed = KbFile.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 10)) problems.push(`${file}: [${issue.path.join('.')}] ${issue.message}`);
      continue;
    }
    for (const chunk of parsed.data) {
      if (chunkArea(chunk.id) !== area) problems.push(`${file}: id ${chunk.id} should start with "${area}."`);
      const other = seen.get(chunk.id);
      if (other) problems.push(`${file}: duplicate id ${chunk.id} (also in ${other})`);
      seen.set(chunk.id, file);
      chunks.push(chunk);
    }
  }
  if (problems.length) throw new Error(`knowledge base in ${dir} is invalid:\n  ${problems.join('\n  ')}`);
  return chunks;
}

/** Every word a grader may accept for a concept: its name and its synonyms. */
export function conceptTerms(concept: Concept): string[] {
  return [concept.name, ...concept.synonyms];
}
