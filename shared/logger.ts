import { pino, type Logger } from 'pino';

export type { Logger };

// Tokens and candidate text must never reach a log line, whatever object a caller passes in.
const REDACT = [
  'token', '*.token', 'candidateToken', 'interviewerToken', '*.candidateToken', '*.interviewerToken',
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
  'code', '*.code_text', 'answer', '*.answer', 'payload.code', 'payload.answer', 'frame.code', 'frame.answer',
  'ADMIN_API_KEY', 'TOKEN_SECRET', 'OPENAI_API_KEY',
];

export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    level,
    base: { service, pid: process.pid },
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
