import { choice } from './choice.ts';
import { sessionsPart } from './sessions.ts';
import type { EvalPart } from './types.ts';

// Every part of `npm run eval`, in the order they print.
export const parts: EvalPart[] = [sessionsPart, choice];
