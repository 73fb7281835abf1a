// A red or black list on screen: the header band over the scrolling entries that are valid right now.
import type { DisplayItem } from '../../../../shared/display/display-state.ts';
import { useShowableEntries } from '../state/use-showable-entries.ts';
import '../styles/rolling-list.css';
import { EntryTable } from './EntryTable.tsx';
import { ListHeader } from './ListHeader.tsx';
import { StaleListNotice } from './StaleListNotice.tsx';

interface RollingListProps {
  item: Extract<DisplayItem, { kind: 'list' }>;
  listsUpdatedAt: number | null;
}

export function RollingList({ item, listsUpdatedAt }: RollingListProps) {
  // The core filters too, but only when it builds a state; an entry can expire between two fetches.
  const entries = useShowableEntries(item.entries);
  return (
    <section className="rolling-list" data-testid="rolling-list" data-list={item.list} data-item-id={item.id}>
      <ListHeader
        list={item.list}
        title={item.title}
        source={item.source}
        listsUpdatedAt={listsUpdatedAt}
        count={item.stale === true ? null : entries.length}
      />
      {item.stale === true ? <StaleListNotice /> : <EntryTable itemId={item.id} entries={entries} />}
    </section>
  );
}
