// Typed errors with a stable code; the HTTP layer turns them into { code, message, details }.

export class AppError extends Error {
  readonly code: string;
  readonly details: unknown;
  readonly status: number;

  constructor(code: string, message: string, details: unknown = null, status = 400) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.status = status;
  }
}

export const notFound = (what: string, id: string): AppError => new AppError(`${what}.not-found`, `${what} ${id} does not exist`, { id }, 404);
export const forbidden = (message: string): AppError => new AppError('auth.forbidden', message, null, 403);
export const conflict = (code: string, message: string, details: unknown = null): AppError => new AppError(code, message, details, 409);
