// SHA-256 through node:crypto for the player's hot path (re-hashing the whole list at every sync):
// the same digests as shared/'s pure-JS hashing, several times faster.

import { createHash } from 'node:crypto';

export function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
