// Ed25519 signatures over the canonical JSON of a manifest. A player pinned to the controller's
// public key at pairing accepts a manifest only when verifyManifest says so.

import { ed25519 } from '@noble/curves/ed25519.js';
import { canonicalJson } from '../canonical-json.ts';
import { base64ToBytes, bytesToBase64, sha256Hex, utf8ToBytes } from './hashing.ts';

export interface SigningKeyPair {
  /** base64 of the 32-byte secret seed */
  secretKey: string;
  /** base64 of the 32-byte public key */
  publicKey: string;
}

export interface Signed<T> {
  payload: T;
  /** base64 Ed25519 signature over canonicalJson(payload) */
  signature: string;
  /** first 16 hex characters of SHA-256 of the public key, to tell keys apart in reports */
  keyId: string;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { secretKey, publicKey } = ed25519.keygen();
  return { secretKey: bytesToBase64(secretKey), publicKey: bytesToBase64(publicKey) };
}

export function keyIdOf(publicKey: string): string {
  return sha256Hex(base64ToBytes(publicKey)).slice(0, 16);
}

export function publicKeyOf(secretKey: string): string {
  return bytesToBase64(ed25519.getPublicKey(base64ToBytes(secretKey)));
}

export function signPayload<T>(payload: T, keyPair: SigningKeyPair): Signed<T> {
  const message = utf8ToBytes(canonicalJson(payload));
  const signature = ed25519.sign(message, base64ToBytes(keyPair.secretKey));
  return { payload, signature: bytesToBase64(signature), keyId: keyIdOf(keyPair.publicKey) };
}

export function verifySigned<T>(signed: Signed<T>, publicKey: string): boolean {
  try {
    const message = utf8ToBytes(canonicalJson(signed.payload));
    return ed25519.verify(base64ToBytes(signed.signature), message, base64ToBytes(publicKey));
  } catch {
    // Malformed base64 or a wrong-length key is a failed verification, not a crash.
    return false;
  }
}
