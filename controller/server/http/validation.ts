// Parses request input with zod and turns failures into a 400 that names every bad field.

import type { z } from 'zod';
import { AppError } from '../errors.ts';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('validation.failed', `请求${where === 'body' ? '内容' : '参数'}无效 (invalid request ${where})`, {
    issues: result.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message, code: i.code })),
  });
}
