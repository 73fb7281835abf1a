// Shared option parsing helpers for the CLI: environment defaults and validated numbers.

import { InvalidArgumentError } from 'commander';

export function portOption(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError(`not a port number: ${value}`);
  return port;
}

export function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    return portOption(raw);
  } catch {
    throw new Error(`${name}=${raw} is not a port number (0–65535)`);
  }
}
