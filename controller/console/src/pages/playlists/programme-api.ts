// The programme's server data as the console's playlist, schedule and preview pages read it: the
// shapes of /api/v1/playlists, /schedules, /content, /screen-groups and /programme/screens, and
// one react-query hook each, so the three pages share one cache.

import { useQuery } from '@tanstack/react-query';
import type { ProgrammeScreen, ReviewableListing, ReviewStatus } from '../../../../../shared/protocol/programme-api.ts';
import type { Schedule } from '../../../../../shared/schedules/schedule.ts';
import { api } from '../../api/client.ts';

export type { ProgrammeScreen, ReviewStatus };

/** A playlist or schedule row: the approved version screens play and a change that awaits review. */
export type Reviewable<Document> = ReviewableListing<Document>;

export interface PlaylistDocument {
  items: Array<{ contentId: string; durationMs: number }>;
  tickerIds: string[];
}

export type PlaylistRow = Reviewable<PlaylistDocument> & { isDefault: boolean };

/** A schedule as the API takes and lists it: the screens' own schedule, without its id (the row's). */
export type ScheduleDocument = Omit<Schedule, 'id'>;

export type ScheduleRow = Reviewable<ScheduleDocument>;

export type ContentKind = 'slide' | 'image' | 'video' | 'ticker' | 'list-view';

export interface ContentRow {
  id: string;
  kind: ContentKind;
  title: string;
  documentJson: string;
  status: 'pending' | 'approved' | 'rejected' | 'retired';
}

export interface ScreenGroup {
  id: string;
  name: string;
  screenIds: string[];
}

/** The version an editor starts from and a planner sees: the change awaiting review, else the approved one. */
export function latestDocument<Document>(row: Reviewable<Document>): Document | null {
  return row.pending ?? row.approved;
}

export const PROGRAMME_KEYS = {
  playlists: ['programme', 'playlists'] as const,
  schedules: ['programme', 'schedules'] as const,
  screens: ['programme', 'screens'] as const,
  preview: ['programme', 'preview'] as const,
  // Own keys, not the content or admin pages': their caches may hold other shapes.
  content: ['programme', 'content'] as const,
  screenGroups: ['programme', 'screen-groups'] as const,
};

const itemsOf = async <T>(path: string): Promise<T[]> => (await api.get<{ items: T[] }>(path)).items;

export const usePlaylists = () => useQuery({ queryKey: PROGRAMME_KEYS.playlists, queryFn: () => itemsOf<PlaylistRow>('/api/v1/playlists') });
export const useSchedules = () => useQuery({ queryKey: PROGRAMME_KEYS.schedules, queryFn: () => itemsOf<ScheduleRow>('/api/v1/schedules') });
export const useProgrammeScreens = () => useQuery({ queryKey: PROGRAMME_KEYS.screens, queryFn: () => itemsOf<ProgrammeScreen>('/api/v1/programme/screens') });
export const useScreenGroups = () => useQuery({ queryKey: PROGRAMME_KEYS.screenGroups, queryFn: () => itemsOf<ScreenGroup>('/api/v1/screen-groups') });

/** The content library; only for roles that may read it (technicians plan without it and see ids). */
export const useContentLibrary = (enabled: boolean) => useQuery({ queryKey: PROGRAMME_KEYS.content, queryFn: () => itemsOf<ContentRow>('/api/v1/content'), enabled });
