// Coded errors with their HTTP status, in one table, so the API, the socket and the tests agree on
// what each failure is called. Socket error codes are the protocol's (DESIGN.md section 3).
export const ErrorCodes = {
  invalid_json: { status: 400, message: 'the frame or body is not valid JSON' },
  invalid_message: { status: 400, message: 'the frame or body does not match the schema' },
  too_large: { status: 413, message: 'the frame or body is too large' },
  rate_limited: { status: 429, message: 'too many messages; slow down' },
  stale_seq: { status: 409, message: 'seq must increase strictly within a session' },
  unknown_question: { status: 404, message: 'no such question in this session' },
  session_closed: { status: 409, message: 'the session has ended' },
  forbidden: { status: 403, message: 'not allowed for this role' },
  unauthorized: { status: 401, message: 'missing or invalid credentials' },
  not_found: { status: 404, message: 'not found' },
  method_not_allowed: { status: 405, message: 'method not allowed on this path' },
  not_ready: { status: 503, message: 'a dependency is not ready' },
  internal: { status: 500, message: 'internal error' },
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? ErrorCodes[code].message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = ErrorCodes[code].status;
  }
}

export function toAppError(err: unknown): AppError {
  return err instanceof AppError ? err : new AppError('internal', undefined, { cause: err });
}

export function errorBody(err: AppError): { error: { code: string; message: string } } {
  return { error: { code: err.code, message: err.message } };
}
