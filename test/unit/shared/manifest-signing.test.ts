// Ed25519 manifest signatures (DESIGN invariant 5) and the hashing and base64 helpers they use.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import {
  generateSigningKeyPair,
  keyIdOf,
  publicKeyOf,
  signPayload,
  verifySigned,
  type Signed,
} from '../../../shared/signing/manifest-signing.ts';
import { base64ToBytes, bytesToBase64, bytesToHex, sha256Hex } from '../../../shared/signing/hashing.ts';
import { signedManifestSchema, type Manifest } from '../../../shared/protocol/index.ts';

function sampleManifest(): Manifest {
  return {
    version: 42,
    issuedAt: 1_709_600_000_000,
    lists: { revision: 7, digest: 'a'.repeat(64), count: 120 },
    timeline: [
      { kind: 'list', id: 'black-main', list: 'black', title: '失信黑名单', source: '乌海市信用信息共享平台', durationMs: 60_000 },
      { kind: 'slide', id: 'integrity-1', asset: { sha256: 'b'.repeat(64), bytes: 2048 }, durationMs: 10_000 },
    ],
  };
}

describe('manifest signing', () => {
  const keyPair = generateSigningKeyPair();

  it('verifies what it signed', () => {
    const signed = signPayload(sampleManifest(), keyPair);
    assert.equal(verifySigned(signed, keyPair.publicKey), true);
  });

  it('verifies after a JSON round trip that reorders keys, as on the wire', () => {
    const signed = signPayload(sampleManifest(), keyPair);
    const { version, issuedAt, lists, timeline } = signed.payload;
    const reordered: Signed<Manifest> = {
      keyId: signed.keyId,
      signature: signed.signature,
      payload: { timeline, lists: { count: lists.count, digest: lists.digest, revision: lists.revision }, issuedAt, version },
    };
    assert.equal(verifySigned(JSON.parse(JSON.stringify(reordered)) as Signed<Manifest>, keyPair.publicKey), true);
  });

  it('rejects a payload with one field changed', () => {
    const signed = signPayload(sampleManifest(), keyPair);
    assert.equal(verifySigned({ ...signed, payload: { ...signed.payload, version: 43 } }, keyPair.publicKey), false);
    const otherDigest = { ...signed.payload, lists: { ...signed.payload.lists, digest: 'c'.repeat(64) } };
    assert.equal(verifySigned({ ...signed, payload: otherDigest }, keyPair.publicKey), false);
  });

  it('rejects a payload with a timeline item removed', () => {
    const signed = signPayload(sampleManifest(), keyPair);
    const shorter = { ...signed.payload, timeline: signed.payload.timeline.slice(1) };
    assert.equal(verifySigned({ ...signed, payload: shorter }, keyPair.publicKey), false);
  });

  it('rejects a manifest signed with a different key', () => {
    const intruder = generateSigningKeyPair();
    const signed = signPayload(sampleManifest(), intruder);
    assert.equal(verifySigned(signed, keyPair.publicKey), false);
  });

  it('returns false, without throwing, for a garbage signature', () => {
    const signed = signPayload(sampleManifest(), keyPair);
    for (const signature of ['', 'not base64 at all!', bytesToBase64(new Uint8Array(10)), bytesToBase64(randomBytes(64)), bytesToBase64(new Uint8Array(64))]) {
      assert.equal(verifySigned({ ...signed, signature }, keyPair.publicKey), false, signature);
    }
  });

  it('returns false, without throwing, for a garbage public key or payload', () => {
    const signed = signPayload(sampleManifest(), keyPair);
    for (const publicKey of ['', '%%%', bytesToBase64(new Uint8Array(31))]) {
      assert.equal(verifySigned(signed, publicKey), false, publicKey);
    }
    assert.equal(verifySigned({ ...signed, payload: { ...signed.payload, issuedAt: Number.NaN } }, keyPair.publicKey), false);
  });

  it('signs deterministically, as Ed25519 does', () => {
    assert.equal(signPayload(sampleManifest(), keyPair).signature, signPayload(sampleManifest(), keyPair).signature);
  });

  it('names the key by the first 16 hex characters of its SHA-256', () => {
    const signed = signPayload(sampleManifest(), keyPair);
    assert.match(signed.keyId, /^[0-9a-f]{16}$/);
    assert.equal(signed.keyId, keyIdOf(keyPair.publicKey));
    assert.equal(keyIdOf(keyPair.publicKey), sha256Hex(base64ToBytes(keyPair.publicKey)).slice(0, 16));
    assert.notEqual(keyIdOf(generateSigningKeyPair().publicKey), signed.keyId);
  });

  it('derives the public key from the secret seed (RFC 8032 test 1)', () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    assert.equal(bytesToHex(base64ToBytes(publicKeyOf(bytesToBase64(seed)))), 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    assert.equal(publicKeyOf(keyPair.secretKey), keyPair.publicKey);
  });

  it('produces a signed manifest the wire schema accepts', () => {
    assert.equal(signedManifestSchema.safeParse(signPayload(sampleManifest(), keyPair)).success, true);
  });

  it('makes 32-byte keys', () => {
    assert.equal(base64ToBytes(keyPair.publicKey).length, 32);
    assert.equal(base64ToBytes(keyPair.secretKey).length, 32);
  });
});

describe('hashing', () => {
  it('matches the FIPS 180-2 SHA-256 test vectors', () => {
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes a string as its UTF-8 bytes, as node:crypto does', () => {
    const text = '失信被执行人 · 守信红名单';
    assert.equal(sha256Hex(text), createHash('sha256').update(text, 'utf8').digest('hex'));
    assert.equal(sha256Hex(new TextEncoder().encode(text)), sha256Hex(text));
  });

  it('round-trips every byte value through base64, compatible with Buffer', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = bytesToBase64(bytes);
    assert.equal(text, Buffer.from(bytes).toString('base64'));
    assert.deepEqual(base64ToBytes(text), bytes);
    assert.equal(bytesToBase64(new Uint8Array(0)), '');
  });
});
