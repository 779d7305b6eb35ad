// Public API of the static code analysis used by the trigger and the heuristic interviewer.
export { analyzeCode } from './analyze.ts';
export { compareAnalyses, diffStats } from './diff.ts';
export { loadParsers, type Parsers } from './parser.ts';
export { resolveLanguage } from './languages.ts';
export type {
  CodeAnalysis, ComplexityClass, CostMemory, SentinelFacts, DataStructureFacts, DataStructureKind, DiffStats, FunctionFacts, GuardFacts, GuardKind,
  IndexFirstFacts, LanguageId, LinearCallFacts, LinearCallKind, LoopFacts, LoopKind, NestedSameCollection,
  StructuralChange, StructuralChangeKind, TestFacts, TryCatchFacts, VariableRole, VariableRoleFacts,
} from './types.ts';
