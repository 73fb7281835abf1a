// UUIDv7 (RFC 9562): the player's idempotent key for a play event. Pure: time and randomness come in.
//
// Time-ordered ids keep the controller's primary-key index append-mostly and make ids sort roughly
// by when they were made; 74 random bits make a collision between screens vanishingly unlikely.

/** Random bytes a UUIDv7 needs after its 48-bit timestamp (12 + 62 bits, rounded up). */
export const UUID_V7_RANDOM_BYTES = 10;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidV7(nowMs: number, random: Uint8Array): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0 || nowMs >= 2 ** 48) throw new RangeError(`uuidV7: time out of range: ${nowMs}`);
  if (random.length < UUID_V7_RANDOM_BYTES) throw new RangeError(`uuidV7: needs ${UUID_V7_RANDOM_BYTES} random bytes`);
  const bytes = new Uint8Array(16);
  // 48-bit big-endian milliseconds; split in two because bit operators work on 32 bits.
  const high = Math.floor(nowMs / 2 ** 32);
  const low = nowMs % 2 ** 32;
  bytes[0] = (high >>> 8) & 0xff;
  bytes[1] = high & 0xff;
  bytes[2] = (low >>> 24) & 0xff;
  bytes[3] = (low >>> 16) & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  bytes[6] = 0x70 | ((random[0] ?? 0) & 0x0f); // version 7
  bytes[7] = random[1] ?? 0;
  bytes[8] = 0x80 | ((random[2] ?? 0) & 0x3f); // RFC variant 10xx
  for (let i = 9; i < 16; i++) bytes[i] = random[i - 6] ?? 0;
  const hex = Array.from(bytes, (b) => HEX[b]).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
