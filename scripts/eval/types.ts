// One part of `npm run eval`: measures the interviewer's judgment against labelled data kept in
// eval/ and says whether it meets its target. Parts print their own tables; main prints verdicts.
export interface EvalPart {
  name: string;
  run(opts: { verbose: boolean }): Promise<EvalResult>;
}

export interface EvalResult {
  /** headline figures, e.g. { agreement: 0.93 } */
  figures: Record<string, number>;
  /** human-readable lines: tables, worst cases */
  lines: string[];
  /** targets met */
  ok: boolean;
}
