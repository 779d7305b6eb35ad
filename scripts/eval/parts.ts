import { answersPart } from './answers.ts';
import { choice } from './choice.ts';
import { complexityPart } from './complexity.ts';
import { sessionsPart } from './sessions.ts';
import type { EvalPart } from './types.ts';

// Every part of `npm run eval`, in the order they print.
export const parts: EvalPart[] = [complexityPart, answersPart, sessionsPart, choice];
