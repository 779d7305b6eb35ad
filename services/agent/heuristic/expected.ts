// The answer key a question carries to the grader (QuestionOutput.expected). It is stored with the
// question and read back later, possibly written by another provider, so it is read field by field:
// a field of an unexpected shape is ignored instead of failing the whole grade.

export interface Concept {
  name: string;
  synonyms: string[];
}

export interface Misconception {
  claim: string;
  feedback: string;
  /** A complexity class whose claim reveals this misconception. */
  cls?: string;
  /** Phrases that reveal it when the class alone does not (all of one inner list must appear). */
  cues?: string[][];
}

export interface Outcome {
  /** 'raises' (an exception or panic), 'value' (returns or evaluates to something), 'undefined' (C++ UB) */
  kind: 'raises' | 'value' | 'undefined';
  /** How a hiring team reads it: "raises IndexError", "returns NaN". */
  label: string;
  /** Words that name this exact outcome. */
  terms: string[];
}

/** Everything optional: each topic fills what its check needs. */
export interface Expected {
  variant?: string;
  function?: string;
  lines?: [number, number];
  /** lines the question points at; answers citing them are grounded */
  focusLines?: number[];
  complexity?: string;
  dominantLine?: number;
  unitCost?: string;
  improvedComplexity?: string;
  spaceComplexity?: string;
  holder?: string;
  param?: string;
  keyReason?: string;
  outcome?: Outcome;
  baseLine?: number;
  baseTerms?: string[];
  depth?: string;
  depthValue?: number;
  calls?: string;
  variable?: string;
  init?: string;
  initKind?: string;
  direction?: 'max' | 'min';
  roleTerms?: string[];
  riskyLines?: number[];
  riskyTerms?: string[];
  catchLine?: number;
  inputTerms?: string[];
  hazardTerms?: string[];
  conditionTerms?: string[];
  progress?: string[];
  remedyTerms?: string[];
  concepts: Concept[];
  need?: number;
  misconceptions: Misconception[];
  kb?: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= 400 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strs = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200).slice(0, 60) : undefined;
const nums = (v: unknown): number[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isInteger(x)).slice(0, 60) : undefined;

/** Concepts as {name, synonyms} objects, or plain strings (another provider's key), or a JSON string (Chroma metadata). */
/** A list, or a JSON string holding one (Chroma metadata stores lists as strings). */
function listOf(v: unknown): unknown[] {
  let raw: unknown = v;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  return Array.isArray(raw) ? raw : [];
}

export function readConcepts(v: unknown): Concept[] {
  const raw = listOf(v);
  const out: Concept[] = [];
  for (const c of raw.slice(0, 30)) {
    if (typeof c === 'string' && c.trim()) out.push({ name: c.trim().slice(0, 80), synonyms: [] });
    else if (isObj(c) && typeof c.name === 'string' && c.name.trim()) out.push({ name: c.name.trim().slice(0, 80), synonyms: strs(c.synonyms) ?? [] });
  }
  return out;
}

export function readMisconceptions(v: unknown): Misconception[] {
  const raw = listOf(v);
  const out: Misconception[] = [];
  for (const m of raw.slice(0, 20)) {
    if (!isObj(m)) continue;
    const claim = str(m.claim);
    const feedback = str(m.feedback);
    if (!claim || !feedback) continue;
    const cues = Array.isArray(m.cues) ? m.cues.map(strs).filter((c): c is string[] => !!c && c.length > 0) : undefined;
    out.push({ claim, feedback, ...(str(m.cls) ? { cls: str(m.cls) } : {}), ...(cues?.length ? { cues } : {}) });
  }
  return out;
}

function readOutcome(v: unknown): Outcome | undefined {
  if (!isObj(v)) return undefined;
  const kind = v.kind === 'raises' || v.kind === 'value' || v.kind === 'undefined' ? v.kind : undefined;
  const label = str(v.label);
  const terms = strs(v.terms);
  return kind && label && terms ? { kind, label, terms } : undefined;
}

export function readExpected(e: Record<string, unknown>): Expected {
  const lines = nums(e.lines);
  const direction = e.direction === 'max' || e.direction === 'min' ? e.direction : undefined;
  const out: Expected = {
    concepts: readConcepts(e.concepts),
    misconceptions: readMisconceptions(e.misconceptions),
  };
  const strFields = ['variant', 'function', 'complexity', 'unitCost', 'improvedComplexity', 'spaceComplexity', 'holder', 'param',
    'keyReason', 'depth', 'calls', 'variable', 'init', 'initKind'] as const;
  for (const k of strFields) {
    const s = str(e[k]);
    if (s) out[k] = s;
  }
  const numFields = ['dominantLine', 'baseLine', 'depthValue', 'need', 'catchLine'] as const;
  for (const k of numFields) {
    const n = num(e[k]);
    if (n !== undefined) out[k] = n;
  }
  const listFields = ['baseTerms', 'roleTerms', 'riskyTerms', 'inputTerms', 'hazardTerms', 'conditionTerms', 'progress', 'remedyTerms', 'kb'] as const;
  for (const k of listFields) {
    const l = strs(e[k]);
    if (l?.length) out[k] = l;
  }
  if (lines && lines.length === 2) out.lines = [lines[0], lines[1]];
  const focus = nums(e.focusLines);
  if (focus?.length) out.focusLines = focus;
  const risky = nums(e.riskyLines);
  if (risky?.length) out.riskyLines = risky;
  if (direction) out.direction = direction;
  const outcome = readOutcome(e.outcome);
  if (outcome) out.outcome = outcome;
  return out;
}
