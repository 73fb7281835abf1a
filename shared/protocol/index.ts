export * from './version.ts';
export * from './manifest.ts';
export * from './messages.ts';
export * from './proof-of-play.ts';
export type * from './events.ts';
