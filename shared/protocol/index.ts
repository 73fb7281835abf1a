export * from './version.ts';
export * from './manifest.ts';
export * from './messages.ts';
export * from './proof-of-play.ts';
export * from './commands.ts';
export * from './emergency.ts';
export type * from './events.ts';
export * from './clock.ts';
