// The controller's root logger; features take child loggers with their own `module` binding.

import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({ name: options.name ?? 'gongshi', level: options.level ?? process.env.GONGSHI_LOG_LEVEL ?? 'info' });
}
