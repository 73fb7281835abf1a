export * from './version.ts';
export * from './manifest.ts';
export * from './messages.ts';
export type * from './events.ts';
