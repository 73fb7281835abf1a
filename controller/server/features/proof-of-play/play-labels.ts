// Names for what proof of play records by id: the screen's name, and the title of the content a
// manifest item id (`slide-<id>`, `video-<id>`, `listview-<id>`, `list-red`) stands for.

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { listContent } from '../content/service.ts';
import { listScreens } from '../screens/service.ts';

/** The whole-list items every manifest may carry without a content row. */
export const BUILT_IN_LIST_TITLES: Readonly<Record<string, string>> = { 'list-red': '守信红名单', 'list-black': '失信黑名单' };

const CONTENT_ITEM = /^(?:slide|image|video|listview|ticker)-(.+)$/;

/** The content row a manifest item id names; null for built-in items and anything unknown. */
export function contentRowIdOf(playContentId: string): string | null {
  return CONTENT_ITEM.exec(playContentId)?.[1] ?? null;
}

export interface PlayLabels {
  screenName(screenId: string): string | null;
  contentTitle(playContentId: string): string | null;
}

export function playLabelsFrom(screens: ReadonlyMap<string, string>, contentTitles: ReadonlyMap<string, string>): PlayLabels {
  return {
    screenName: (screenId) => screens.get(screenId) ?? null,
    contentTitle: (playContentId) => {
      const builtIn = BUILT_IN_LIST_TITLES[playContentId];
      if (builtIn !== undefined) return builtIn;
      const rowId = contentRowIdOf(playContentId);
      return rowId === null ? null : (contentTitles.get(rowId) ?? null);
    },
  };
}

export async function loadPlayLabels(db: Kysely<Database>): Promise<PlayLabels> {
  const [screens, content] = await Promise.all([listScreens(db, new Set()), listContent(db)]);
  return playLabelsFrom(new Map(screens.map((s) => [s.id, s.name])), new Map(content.map((c) => [c.id, c.title])));
}
