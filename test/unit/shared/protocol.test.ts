// The wire contract's zod schemas: each accepts a good payload and rejects a bad one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { estimateControllerTime, MAX_USEFUL_CLOCK_RTT_MS } from '../../../shared/protocol/clock.ts';
import {
  PLAYER_NAMESPACE,
  PROTOCOL_VERSION,
  heartbeatSchema,
  listChangesPageSchema,
  listChangesRequestSchema,
  manifestAvailableSchema,
  manifestSchema,
  pairingAdoptedSchema,
  pairingCodeSchema,
  playerAuthSchema,
  playerErrorReportSchema,
  signedManifestSchema,
  slideDocumentSchema,
  syncAppliedSchema,
  takedownSchema,
  timelineItemSchema,
  type Manifest,
} from '../../../shared/protocol/index.ts';
import { publicEntrySchema, type PublicEntry } from '../../../shared/lists/list-entry.ts';

function accepts(schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  assert.equal(result.success, true, result.success ? '' : JSON.stringify(result.error.issues));
}

function rejects(schema: z.ZodType, value: unknown): void {
  assert.equal(schema.safeParse(value).success, false, `accepted ${JSON.stringify(value)}`);
}

const HEX64 = '0123456789abcdef'.repeat(4);

const ENTRY: PublicEntry = {
  id: 'e-0001',
  list: 'black',
  category: '失信被执行人',
  subjectType: 'legal-person',
  name: '乌海市某某商贸有限公司',
  code: '91110000600037341L',
  legalRepresentative: '张*',
  reason: '有履行能力而拒不履行生效法律文书确定义务',
  authority: '乌海市海勃湾区人民法院',
  basis: '(2024)内0302执123号',
  listedOn: '2024-03-05',
  validUntil: '2027-03-04',
  expiresAt: Date.parse('2027-03-05T00:00:00+08:00'),
};

const MANIFEST: Manifest = {
  version: 1,
  issuedAt: 1_709_600_000_000,
  lists: { revision: 0, digest: HEX64, count: 0 },
  timeline: [
    { kind: 'list', id: 'red', list: 'red', title: '守信红名单', source: '信用乌海', durationMs: 30_000 },
    { kind: 'slide', id: 's1', asset: { sha256: HEX64, bytes: 0 }, durationMs: 3_000 },
  ],
};

const HEARTBEAT = {
  sentAt: 1_709_600_000_000,
  onScreen: 'red',
  manifestVersion: 1,
  listRevision: 0,
  cacheBytes: 1024,
  diskFreeBytes: null,
  memoryRssBytes: 80_000_000,
  uptimeSeconds: 12.5,
  resolution: '1920x1080',
  appVersion: '0.1.0',
  clockOffsetMs: -250,
  lastError: null,
};

describe('protocol constants', () => {
  it('has a positive integer protocol version and the /player namespace', () => {
    assert.equal(Number.isInteger(PROTOCOL_VERSION) && PROTOCOL_VERSION > 0, true);
    assert.equal(PLAYER_NAMESPACE, '/player');
  });
});

describe('player auth', () => {
  it('accepts a paired screen with its token and an unpaired device with its id', () => {
    accepts(playerAuthSchema, { protocol: PROTOCOL_VERSION, screenId: 'scr-1', token: 't'.repeat(32) });
    accepts(playerAuthSchema, { protocol: PROTOCOL_VERSION, deviceId: 'device-0001' });
  });

  it('rejects a short token, a missing protocol, a short device id and an empty object', () => {
    rejects(playerAuthSchema, { protocol: PROTOCOL_VERSION, screenId: 'scr-1', token: 'short' });
    rejects(playerAuthSchema, { screenId: 'scr-1', token: 't'.repeat(32) });
    rejects(playerAuthSchema, { protocol: PROTOCOL_VERSION, deviceId: 'dev' });
    rejects(playerAuthSchema, {});
  });
});

describe('pairing', () => {
  it('accepts a six-digit code and rejects anything else', () => {
    accepts(pairingCodeSchema, { code: '012345', expiresAt: 1 });
    rejects(pairingCodeSchema, { code: '12345', expiresAt: 1 });
    rejects(pairingCodeSchema, { code: 'abcdef', expiresAt: 1 });
    rejects(pairingCodeSchema, { code: '012345', expiresAt: '2024-03-05T00:00:00Z' });
  });

  it('requires a token and the controller key on adoption', () => {
    const adopted = { screenId: 'scr-1', screenName: '乌海站大屏', token: 't'.repeat(32), controllerPublicKey: 'AAAA' };
    accepts(pairingAdoptedSchema, adopted);
    rejects(pairingAdoptedSchema, { ...adopted, token: 'short' });
    rejects(pairingAdoptedSchema, { ...adopted, controllerPublicKey: '' });
  });
});

describe('manifest announcements and takedowns', () => {
  it('accepts a positive version and rejects version 0 or a negative revision', () => {
    accepts(manifestAvailableSchema, { version: 1, listRevision: 0 });
    rejects(manifestAvailableSchema, { version: 0, listRevision: 0 });
    rejects(manifestAvailableSchema, { version: 1, listRevision: -1 });
  });

  it('accepts a takedown of entry ids and rejects an empty id', () => {
    accepts(takedownSchema, { revision: 3, ids: ['e-0001', 'e-0002'] });
    rejects(takedownSchema, { revision: 3, ids: [''] });
    rejects(takedownSchema, { revision: 3 });
  });
});

describe('list changes', () => {
  it('accepts a first-page request and rejects a limit of 0 or over 5000', () => {
    accepts(listChangesRequestSchema, { sinceRevision: 0, cursor: null, limit: 500 });
    rejects(listChangesRequestSchema, { sinceRevision: 0, cursor: null, limit: 0 });
    rejects(listChangesRequestSchema, { sinceRevision: 0, cursor: null, limit: 5_001 });
    rejects(listChangesRequestSchema, { sinceRevision: 0, limit: 10 });
  });

  it('accepts a page of upserts and tombstones', () => {
    accepts(listChangesPageSchema, { upserts: [ENTRY], tombstones: ['e-0009'], revision: 4, cursor: null });
  });

  it('rejects a page whose entry has an unknown list, a non-ISO date or no expiry', () => {
    rejects(listChangesPageSchema, { upserts: [{ ...ENTRY, list: 'grey' }], tombstones: [], revision: 4, cursor: null });
    rejects(listChangesPageSchema, { upserts: [{ ...ENTRY, validUntil: '2027/03/04' }], tombstones: [], revision: 4, cursor: null });
    const { expiresAt: _expiresAt, ...withoutExpiry } = ENTRY;
    rejects(listChangesPageSchema, { upserts: [withoutExpiry], tombstones: [], revision: 4, cursor: null });
  });

  it('accepts an entry without its optional fields and rejects an empty name or a fractional expiry', () => {
    const { legalRepresentative: _lr, basis: _basis, ...minimal } = ENTRY;
    accepts(publicEntrySchema, minimal);
    rejects(publicEntrySchema, { ...ENTRY, name: '' });
    rejects(publicEntrySchema, { ...ENTRY, expiresAt: 1.5 });
    rejects(publicEntrySchema, { ...ENTRY, subjectType: 'person' });
  });
});

describe('sync applied', () => {
  it('accepts versions as numbers and rejects a string or a negative number', () => {
    accepts(syncAppliedSchema, { manifestVersion: 2, listRevision: 9 });
    rejects(syncAppliedSchema, 'applied');
    rejects(syncAppliedSchema, { manifestVersion: '2', listRevision: 9 });
    rejects(syncAppliedSchema, { manifestVersion: 2, listRevision: -1 });
  });
});

describe('heartbeat', () => {
  it('accepts a full heartbeat', () => {
    accepts(heartbeatSchema, HEARTBEAT);
  });

  it('rejects a heartbeat with a field missing, negative memory or an over-long error', () => {
    const { appVersion: _appVersion, ...missing } = HEARTBEAT;
    rejects(heartbeatSchema, missing);
    rejects(heartbeatSchema, { ...HEARTBEAT, memoryRssBytes: -1 });
    rejects(heartbeatSchema, { ...HEARTBEAT, lastError: 'x'.repeat(501) });
  });

  it('still accepts a heartbeat from a player older than the health fields, with those fields null', () => {
    const parsed = heartbeatSchema.parse(HEARTBEAT);
    assert.deepEqual(parsed, {
      ...HEARTBEAT,
      lastErrorAt: null,
      displayReportedAt: null,
      display: null,
      memoryFreeBytes: null,
      memoryTotalBytes: null,
      cpuCount: null,
      cpuBusyFraction: null,
      loadAverage: null,
      systemUptimeSeconds: null,
    });
  });

  it('accepts the kiosk renderer restarts and rejects a negative count or an over-long reason', () => {
    const restarts = { count: 2, lastAt: 1_709_599_990_000, lastReason: 'renderer-gone:oom' };
    assert.deepEqual(heartbeatSchema.parse({ ...HEARTBEAT, rendererRestarts: restarts }).rendererRestarts, restarts);
    rejects(heartbeatSchema, { ...HEARTBEAT, rendererRestarts: { ...restarts, count: -1 } });
    rejects(heartbeatSchema, { ...HEARTBEAT, rendererRestarts: { ...restarts, lastReason: 'x'.repeat(201) } });
  });

  it('accepts the health fields and rejects a busy share over 1, a short load average or an absurd window', () => {
    const health = {
      ...HEARTBEAT,
      lastErrorAt: 1_709_599_000_000,
      displayReportedAt: 1_709_599_990_000,
      display: { screenWidth: 1920, screenHeight: 1080, viewportWidth: 1920, viewportHeight: 1080, pixelRatio: 1 },
      memoryFreeBytes: 1e9,
      memoryTotalBytes: 4e9,
      cpuCount: 4,
      cpuBusyFraction: 0.3,
      loadAverage: [0.5, 0.4, 0.3],
      systemUptimeSeconds: 3_600,
    };
    accepts(heartbeatSchema, health);
    rejects(heartbeatSchema, { ...health, cpuBusyFraction: 1.5 });
    rejects(heartbeatSchema, { ...health, loadAverage: [0.5, 0.4] });
    rejects(heartbeatSchema, { ...health, display: { ...health.display, pixelRatio: 0 } });
  });
});

describe('player error reports', () => {
  it('accepts a known code and rejects an unknown one', () => {
    accepts(playerErrorReportSchema, { code: 'manifest-signature-invalid', message: 'key mismatch', manifestVersion: 3 });
    rejects(playerErrorReportSchema, { code: 'something-else', message: '', manifestVersion: null });
  });
});

describe('manifest', () => {
  it('accepts a manifest with a list and a slide', () => {
    accepts(manifestSchema, MANIFEST);
    accepts(signedManifestSchema, { payload: MANIFEST, signature: 'c2ln', keyId: '0123456789abcdef' });
  });

  it('survives a JSON round trip unchanged, because it is plain JSON', () => {
    assert.deepEqual(manifestSchema.parse(JSON.parse(JSON.stringify(MANIFEST))), MANIFEST);
  });

  it('rejects a digest that is not 64 lower-case hex characters', () => {
    for (const digest of ['abc', HEX64.toUpperCase(), `${HEX64}0`]) {
      rejects(manifestSchema, { ...MANIFEST, lists: { ...MANIFEST.lists, digest } });
    }
  });

  it('rejects an item shown for under 3 seconds or an unknown item kind', () => {
    rejects(timelineItemSchema, { kind: 'list', id: 'red', list: 'red', title: 't', source: '', durationMs: 2_999 });
    rejects(timelineItemSchema, { kind: 'video', id: 'v', durationMs: 10_000 });
  });

  it('rejects more than 500 timeline items', () => {
    const item = MANIFEST.timeline[0];
    rejects(manifestSchema, { ...MANIFEST, timeline: Array.from({ length: 501 }, () => item) });
  });

  it('rejects a signed manifest without a signature', () => {
    rejects(signedManifestSchema, { payload: MANIFEST, signature: '', keyId: 'k' });
  });

  it('gives a slide the integrity theme by default and rejects an empty title', () => {
    assert.equal(slideDocumentSchema.parse({ kind: 'slide', title: '诚信建设', body: '' }).theme, 'integrity');
    rejects(slideDocumentSchema, { kind: 'slide', title: '', body: '' });
  });
});

describe('controller time estimate', () => {
  it('adds half the round trip, and ignores answers too slow to trust', () => {
    assert.equal(estimateControllerTime(1_000, 1_040, 5_000_000), 5_000_020);
    assert.equal(estimateControllerTime(1_000, 1_000 + MAX_USEFUL_CLOCK_RTT_MS + 1, 5_000_000), null);
    assert.equal(estimateControllerTime(1_000, 900, 5_000_000), null);
  });
});
