// Loads web-tree-sitter and the grammars from @vscode/tree-sitter-wasm. The runtime is initialised
// once per process and each grammar is loaded the first time its language is analysed, so a
// Python-only session never pays for the C++ grammar.
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import { grammarFor } from './languages.ts';

// Resolving through the package keeps this independent of the process's working directory.
const require = createRequire(import.meta.url);

export interface Parsers {
  /** A parser for the language (or alias), or null when no grammar exists for it. */
  get(language: string): Promise<Parser | null>;
}

let runtime: Promise<void> | null = null;
const grammars = new Map<string, Promise<Language>>();
const parsers = new Map<string, Parser>();

function initRuntime(): Promise<void> {
  if (!runtime) {
    runtime = Parser.init().catch((err: unknown) => {
      // Let a later call retry instead of caching the failure forever.
      runtime = null;
      throw err;
    });
  }
  return runtime;
}

function loadGrammar(grammar: string): Promise<Language> {
  let pending = grammars.get(grammar);
  if (!pending) {
    const path = require.resolve(`@vscode/tree-sitter-wasm/wasm/tree-sitter-${grammar}.wasm`);
    pending = Language.load(path).catch((err: unknown) => {
      grammars.delete(grammar);
      throw err;
    });
    grammars.set(grammar, pending);
  }
  return pending;
}

async function getParser(language: string): Promise<Parser | null> {
  const grammar = grammarFor(language);
  if (!grammar) return null;
  const cached = parsers.get(grammar);
  if (cached) return cached;
  await initRuntime();
  const lang = await loadGrammar(grammar);
  // Another caller may have finished first while we awaited; keep a single parser per grammar.
  const raced = parsers.get(grammar);
  if (raced) return raced;
  const parser = new Parser();
  parser.setLanguage(lang);
  parsers.set(grammar, parser);
  return parser;
}

const api: Parsers = { get: getParser };
let ready: Promise<Parsers> | null = null;

/** Initialises the tree-sitter runtime once; grammars load lazily through `get`. */
export function loadParsers(): Promise<Parsers> {
  if (!ready) {
    ready = initRuntime().then(() => api, (err: unknown) => {
      ready = null;
      throw err;
    });
  }
  return ready;
}
