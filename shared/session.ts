import { z } from 'zod';

// The session as the API creates it; the trigger and reporter read the same settings.

export const SessionSettings = z.object({
  maxQuestions: z.number().int().min(0).max(50).optional(),
  minQuestionIntervalSec: z.number().int().min(0).max(3600).optional(),
  quietStartSec: z.number().int().min(0).max(3600).optional(),
  durationMin: z.number().int().min(1).max(24 * 60).optional(),
  minDiffLines: z.number().int().min(0).max(1000).optional(),
  pendingTimeoutSec: z.number().int().min(1).max(24 * 3600).optional(),
  /** a pause this long after the last edit is a moment to ask (15–30 s is where people stop to think) */
  pauseSec: z.number().int().min(1).max(600).optional(),
  /** a question waits until the candidate has stopped this long at a complete line (0: ask on the update itself) */
  settleSec: z.number().int().min(0).max(60).optional(),
  /** whether follow-up questions count toward maxQuestions (they always block the next question while pending) */
  followUpsCount: z.boolean().optional(),
});
export type SessionSettings = z.infer<typeof SessionSettings>;

/**
 * A session's settings with every default filled in at creation, so the rules a session ran under
 * are stored with it: the trigger reads them, and an audit replay needs nothing from the environment.
 */
export function completeSettings(given: SessionSettings | undefined, defaults: Required<SessionSettings>): Required<SessionSettings> {
  return { ...defaults, ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)) };
}

export const CreateSessionBody = z.object({
  candidate: z.object({ name: z.string().min(1).max(200), email: z.string().email().max(320).optional() }),
  problem: z.object({
    title: z.string().min(1).max(200),
    statement: z.string().max(20_000).default(''),
    language: z.string().min(1).max(32),
  }),
  settings: SessionSettings.optional(),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export type SessionStatus = 'active' | 'ended' | 'reported';

export interface SessionRow {
  id: string;
  candidate: CreateSessionBody['candidate'];
  problem: CreateSessionBody['problem'];
  settings: SessionSettings;
  status: SessionStatus;
  created_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  ended_by: string | null;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
