import type { EvalPart } from './types.ts';
import { complexityPart } from './complexity.ts';

// Every part of `npm run eval`, in the order they print.
export const parts: EvalPart[] = [complexityPart];
