// Whether a received emergency (or its end) may be trusted: schema, the pinned key's signature, and no unmasked ID. Pure.

import { findEmergencyTextProblems } from '../../../shared/emergency/emergency-text.ts';
import { signedEmergencyEndSchema, signedEmergencySchema, type EmergencyEndPayload, type EmergencyPayload } from '../../../shared/protocol/emergency.ts';
import { verifySigned } from '../../../shared/signing/manifest-signing.ts';

export type EmergencyCheck = { ok: true; emergency: EmergencyPayload; signedJson: string } | { ok: false; reason: 'malformed' | 'signature-invalid' | 'unmasked-id' | 'bad-text'; message: string };
export type EmergencyEndCheck = { ok: true; end: EmergencyEndPayload } | { ok: false; reason: 'malformed' | 'signature-invalid'; message: string };

// The signature covers the payload exactly as sent, not as zod re-shaped it.
function signatureHolds(raw: unknown, signature: string, keyId: string, publicKey: string): boolean {
  return verifySigned({ payload: (raw as { payload: unknown }).payload, signature, keyId }, publicKey);
}

/** An emergency is content on a public screen: shown only when the pinned controller key signed it (invariant 5). */
export function checkSignedEmergency(raw: unknown, pinnedPublicKey: string): EmergencyCheck {
  const parsed = signedEmergencySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'malformed', message: `malformed emergency: ${parsed.error.message.slice(0, 300)}` };
  if (!signatureHolds(raw, parsed.data.signature, parsed.data.keyId, pinnedPublicKey)) {
    return { ok: false, reason: 'signature-invalid', message: `emergency ${parsed.data.payload.id} does not verify with the pinned key (signed by ${parsed.data.keyId})` };
  }
  // The controller refuses these already; the player checks again before a wall shows it (invariant 2).
  const problems = findEmergencyTextProblems(parsed.data.payload.content);
  if (problems.includes('unmasked-id')) return { ok: false, reason: 'unmasked-id', message: `emergency ${parsed.data.payload.id} holds an unmasked ID number` };
  if (problems.length > 0) return { ok: false, reason: 'bad-text', message: `emergency ${parsed.data.payload.id} text refused: ${problems.join(', ')}` };
  return { ok: true, emergency: parsed.data.payload, signedJson: JSON.stringify(raw) };
}

/** A forged end would silence a real alert, so an end is checked against the same key. */
export function checkSignedEmergencyEnd(raw: unknown, pinnedPublicKey: string): EmergencyEndCheck {
  const parsed = signedEmergencyEndSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'malformed', message: `malformed emergency end: ${parsed.error.message.slice(0, 300)}` };
  if (!signatureHolds(raw, parsed.data.signature, parsed.data.keyId, pinnedPublicKey)) {
    return { ok: false, reason: 'signature-invalid', message: `end of emergency ${parsed.data.payload.id} does not verify with the pinned key` };
  }
  return { ok: true, end: parsed.data.payload };
}

/** The one shown when several are in force: the newest, ties broken by id so every screen agrees. */
export function newestEmergency(emergencies: readonly EmergencyPayload[]): EmergencyPayload | null {
  let newest: EmergencyPayload | null = null;
  for (const e of emergencies) if (!newest || e.issuedAt > newest.issuedAt || (e.issuedAt === newest.issuedAt && e.id > newest.id)) newest = e;
  return newest;
}
