// The screens API as the console reads it: answer shapes and the queries and keys the screen pages share.

import { useQuery } from '@tanstack/react-query';
import type { CommandKind, CommandStatus } from '../../../../../shared/protocol/commands.ts';
import type { Heartbeat } from '../../../../../shared/protocol/messages.ts';
import { api } from '../../api/client.ts';

/** A screen's board refreshes this often: technicians watch it during an incident. */
export const FLEET_REFRESH_MS = 5_000;

export interface ScreenView {
  id: string;
  name: string;
  deviceId: string;
  pairedAt: number;
  pairedBy: string;
  revokedAt: number | null;
  lastSeenAt: number | null;
  manifestVersion: number;
  listRevision: number;
  /** the last error the screen reported to the controller */
  lastError: string | null;
  timeZone: string | null;
  connected: boolean;
  status: 'online' | 'offline' | 'revoked';
  statusChangedAt: number | null;
  health: Heartbeat | null;
}

export interface ScreensAnswer {
  items: ScreenView[];
  convergence: { manifestVersion: number; converged: number; total: number };
}

export interface ScreenGroup {
  id: string;
  name: string;
  screenIds: string[];
}

export interface PendingPairing {
  code: string;
  expiresAt: number;
  remoteAddress: string | null;
}

export interface HealthAnswer extends ScreenView {
  window: { from: number; to: number };
  statusAtFrom: 'online' | 'offline' | null;
  transitions: Array<{ at: number; status: 'online' | 'offline'; reason: string; lastSeenAt: number | null }>;
  heartbeats: Array<{ at: number; heartbeat: Heartbeat | null }>;
  truncated: { transitions: boolean; heartbeats: boolean };
}

export interface CommandView {
  id: string;
  screenId: string;
  kind: CommandKind;
  status: CommandStatus;
  requestedBy: string;
  requestedAt: number;
  expiresAt: number;
  sentAt: number | null;
  attempts: number;
  completedAt: number | null;
  result: unknown;
  error: { code: string; message: string } | null;
  screenshotUrl: string | null;
  screenshotExpired: boolean;
}

export interface ProgrammeAnswer {
  screenId: string;
  timeZone: string;
  manifestVersion: number | null;
  playlistId: string | null;
  source: { kind: 'schedule'; scheduleId: string } | { kind: 'default' } | { kind: 'rotation' };
  nextChangeAtMs: number | null;
  items: Array<{ id: string; kind: string | null; durationMs: number }>;
}

export const screenKeys = {
  fleet: ['screens'] as const,
  groups: ['screen-groups'] as const,
  pairings: ['screens', 'pairings'] as const,
  health: (id: string) => ['screens', id, 'health'] as const,
  commands: (id: string) => ['screens', id, 'commands'] as const,
  programme: (id: string) => ['screens', id, 'programme'] as const,
};

export function useFleet() {
  return useQuery({ queryKey: screenKeys.fleet, queryFn: () => api.get<ScreensAnswer>('/api/v1/screens'), refetchInterval: FLEET_REFRESH_MS });
}

export function useScreenGroups() {
  return useQuery({ queryKey: screenKeys.groups, queryFn: async () => (await api.get<{ items: ScreenGroup[] }>('/api/v1/screen-groups')).items, staleTime: 30_000 });
}


/** The health route's default window is the last 24 hours; it is read again every half minute. */
const HEALTH_REFRESH_MS = 30_000;
/** While a command is on its way the history is read every second, so its result shows as it lands. */
const PENDING_COMMAND_POLL_MS = 1_000;
const COMMAND_HISTORY_REFRESH_MS = 10_000;
const COMMAND_HISTORY_LIMIT = 20;

export function useScreenHealth(screenId: string, enabled: boolean) {
  return useQuery({ queryKey: screenKeys.health(screenId), queryFn: () => api.get<HealthAnswer>(`/api/v1/screens/${encodeURIComponent(screenId)}/health`), enabled, refetchInterval: HEALTH_REFRESH_MS });
}

export function useCommandHistory(screenId: string, enabled: boolean) {
  return useQuery({
    queryKey: screenKeys.commands(screenId),
    queryFn: async () => (await api.get<{ items: CommandView[] }>(`/api/v1/screens/${encodeURIComponent(screenId)}/commands`, { limit: COMMAND_HISTORY_LIMIT })).items,
    enabled,
    refetchInterval: (query) => (query.state.data?.some((c) => c.status === 'queued' || c.status === 'sent') ? PENDING_COMMAND_POLL_MS : COMMAND_HISTORY_REFRESH_MS),
  });
}

export function useScreenProgramme(screenId: string, enabled: boolean) {
  return useQuery({ queryKey: screenKeys.programme(screenId), queryFn: () => api.get<ProgrammeAnswer>(`/api/v1/screens/${encodeURIComponent(screenId)}/programme`), enabled, refetchInterval: 60_000 });
}
