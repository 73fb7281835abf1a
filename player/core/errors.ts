// Typed errors of the player core: a stable `code` that logs, reports and tests can rely on.

export type PlayerErrorCode =
  | 'cache-schema-too-new'
  | 'cache-corrupt'
  | 'asset-hash-mismatch'
  | 'asset-size-mismatch'
  | 'asset-download-failed'
  | 'controller-refused'
  | 'not-connected'
  | 'not-paired'
  | 'invalid-payload'
  | 'closed';

export class PlayerError extends Error {
  readonly code: PlayerErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: PlayerErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'PlayerError';
    this.code = code;
    this.details = details;
  }
}

export function isPlayerError(error: unknown, code?: PlayerErrorCode): error is PlayerError {
  return error instanceof PlayerError && (code === undefined || error.code === code);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
