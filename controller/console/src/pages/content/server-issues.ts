// A refused save's issues (details.issues[].path like 'body.view.qr.urlTemplate') placed on the form fields they name.

import { ApiError } from '../../api/client.ts';

export type FieldPath = ReadonlyArray<string | number>;

export interface FieldIssue {
  /** the form field, as antd names it: ['view', 'qr', 'urlTemplate'] */
  name: FieldPath;
  /** zod's issue code when the server gave one (too_big, too_small, custom …) */
  code: string | null;
  message: string;
}

export interface PlacedIssues {
  fields: FieldIssue[];
  /** issues no field of the form holds, shown above it */
  unplaced: Array<{ path: string; message: string }>;
}

function issuesOf(error: unknown): Array<{ path: string; message: string; code: string | null }> {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const issues = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message, code } = issue as { path?: unknown; message?: unknown; code?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message, code: typeof code === 'string' ? code : null }] : [];
  });
}

/**
 * Splits the server's issues into those on a form field and the rest. `fieldOf` turns a request
 * path (without 'body.') into the form's field name, or null when the form has no such field;
 * numeric segments come back as numbers, for list fields.
 */
export function placeIssues(error: unknown, fieldOf: (requestPath: string[]) => FieldPath | null): PlacedIssues {
  const placed: PlacedIssues = { fields: [], unplaced: [] };
  for (const issue of issuesOf(error)) {
    const segments = issue.path.split('.');
    const requestPath = segments[0] === 'body' ? segments.slice(1) : segments;
    const name = requestPath.length > 0 ? fieldOf(requestPath) : null;
    if (name) placed.fields.push({ name: name.map((s) => (typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : s)), code: issue.code, message: issue.message });
    else placed.unplaced.push({ path: requestPath.join('.'), message: issue.message });
  }
  return placed;
}

/** A field path that is one of `known` or lies under one of them: `fieldIn(['title','body'])`. */
export function fieldIn(known: readonly string[]): (requestPath: string[]) => FieldPath | null {
  return (requestPath) => (known.includes(requestPath[0] ?? '') ? requestPath : null);
}
