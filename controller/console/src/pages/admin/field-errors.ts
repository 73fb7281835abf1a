// A refused request's field issues (details.issues[].path 'body.<field>') as antd form field errors. Pure.

import { ApiError } from '../../api/client.ts';

export interface FieldError<F extends string> {
  name: F;
  errors: string[];
}

/** Issues on the named top-level fields; anything else is left to the alert above the form. */
export function fieldErrorsOf<F extends string>(error: unknown, fields: readonly F[]): Array<FieldError<F>> {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const issues = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  const byField = new Map<F, string[]>();
  for (const issue of issues as unknown[]) {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = path.replace(/^body\./, '').split('.')[0] ?? '';
    const known = fields.find((f) => f === field);
    if (known !== undefined) byField.set(known, [...(byField.get(known) ?? []), message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
