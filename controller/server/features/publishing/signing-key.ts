// The controller's Ed25519 signing key, created on first start and kept beside the database.
// Players pin its public key at pairing, so losing it means re-pairing every screen: back it up.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { generateSigningKeyPair, publicKeyOf, type SigningKeyPair } from '../../../../shared/signing/manifest-signing.ts';
import { AppError } from '../../errors.ts';

const KEY_FILE = 'controller-signing-key.json';
const keyFileSchema = z.object({ secretKey: z.string().min(1), publicKey: z.string().min(1) });

export function loadOrCreateSigningKey(dataDir: string): SigningKeyPair {
  const path = join(dataDir, KEY_FILE);
  if (!existsSync(path)) {
    const pair = generateSigningKeyPair();
    writeFileSync(path, JSON.stringify(pair, null, 2), { mode: 0o600, flag: 'wx' });
    return pair;
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success || publicKeyOf(parsed.data.secretKey) !== parsed.data.publicKey) {
    throw new AppError('publishing.bad-signing-key', `${path} is not a valid Gongshi signing key file`, { path });
  }
  return parsed.data;
}
