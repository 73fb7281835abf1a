// Shared fixtures for the player unit tests: entries, signed manifests, temp folders, a silent logger.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { listDigest, publicEntryHash } from '../../../shared/lists/list-digest.ts';
import type { PublicEntry } from '../../../shared/lists/list-entry.ts';
import type { Manifest, SlideDocument, TimelineItem } from '../../../shared/protocol/manifest.ts';
import { sha256Hex } from '../../../shared/signing/hashing.ts';
import { generateSigningKeyPair, signPayload, type SigningKeyPair } from '../../../shared/signing/manifest-signing.ts';

export const silentLogger = pino({ level: 'silent' });

export const DAY_MS = 86_400_000;
export const NOW = Date.UTC(2024, 5, 1, 4, 0, 0);

export function makeEntry(overrides: Partial<PublicEntry> & { id: string }): PublicEntry {
  return {
    list: 'black',
    category: '失信被执行人',
    subjectType: 'legal-person',
    name: `某某有限公司${overrides.id}`,
    code: '91150300MA0N0A1B2C',
    reason: '有履行能力而拒不履行生效法律文书确定义务',
    authority: '乌海市中级人民法院',
    listedOn: '2024-01-15',
    validUntil: '2026-01-15',
    expiresAt: NOW + 365 * DAY_MS,
    ...overrides,
  };
}

export function makePerson(overrides: Partial<PublicEntry> & { id: string }): PublicEntry {
  return makeEntry({ subjectType: 'natural-person', name: '张*', code: '150302********0018', ...overrides });
}

export function tempDir(prefix = 'gongshi-player-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function slideBytes(slide: Partial<SlideDocument> = {}): { bytes: Uint8Array; sha256: string } {
  const bytes = new TextEncoder().encode(JSON.stringify({ kind: 'slide', title: '诚信建设', body: '守信光荣', theme: 'integrity', ...slide }));
  return { bytes, sha256: sha256Hex(bytes) };
}

export function digestOf(entries: readonly PublicEntry[]): string {
  return listDigest(entries.map((e) => ({ id: e.id, hash: publicEntryHash(e) })));
}

export function makeManifest(input: { version: number; revision: number; entries: readonly PublicEntry[]; timeline?: TimelineItem[] }): Manifest {
  return {
    version: input.version,
    issuedAt: NOW,
    lists: { revision: input.revision, digest: digestOf(input.entries), count: input.entries.length },
    timeline: input.timeline ?? [
      { kind: 'list', id: 'black-list', list: 'black', title: '失信黑名单', source: '信用中国（乌海）', durationMs: 30_000 },
      { kind: 'list', id: 'red-list', list: 'red', title: '守信红名单', source: '信用中国（乌海）', durationMs: 30_000 },
    ],
  };
}

export const controllerKeys: SigningKeyPair = generateSigningKeyPair();

export function sign(manifest: Manifest, keys: SigningKeyPair = controllerKeys) {
  return signPayload(manifest, keys);
}
