// The ordered list of migrations. Forward only: append, never edit a released one.

import type { Kysely } from 'kysely';
import * as initial from './0001-initial.ts';
import * as partialEntryIndexes from './0002-partial-entry-indexes.ts';
import * as screenHealth from './0003-screen-health.ts';
import * as playEvents from './0004-play-events.ts';
import * as groupsAndEmergencies from './0005-groups-and-emergencies.ts';
import * as screenCommands from './0006-screen-commands.ts';
import * as programme from './0007-programme.ts';
import * as publicationRefsIndex from './0008-publication-refs-index.ts';
import * as screenListAcks from './0009-screen-list-acks.ts';
import * as entrySearch from './0010-entry-search.ts';
import * as categoryPublicationPeriods from './0011-category-publication-periods.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial.up },
  { version: 2, name: 'partial-entry-indexes', up: partialEntryIndexes.up },
  { version: 3, name: 'screen-health', up: screenHealth.up },
  { version: 4, name: 'play-events', up: playEvents.up },
  { version: 5, name: 'groups-and-emergencies', up: groupsAndEmergencies.up },
  { version: 6, name: 'screen-commands', up: screenCommands.up },
  { version: 7, name: 'programme', up: programme.up },
  { version: 8, name: 'publication-refs-index', up: publicationRefsIndex.up },
  { version: 9, name: 'screen-list-acks', up: screenListAcks.up },
  { version: 10, name: 'entry-search', up: entrySearch.up },
  { version: 11, name: 'category-publication-periods', up: categoryPublicationPeriods.up },
];
