// The subject's history on this list and category, oldest first: imports, reviews and withdrawals,
// this entry's and those of its other listings, each linked.

import { Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { format } from '../../i18n/messages.ts';
import { formatTime } from './date-time.ts';
import type { EntryHistoryAction, EntryHistoryEvent } from './entries-api.ts';
import { useEntriesMessages } from './entries-messages.ts';
import { useListMessages } from './list-messages.ts';

const COLOURS: Record<EntryHistoryAction, string> = { submitted: 'blue', approved: 'green', rejected: 'red', withdrawn: 'gray' };

export function EntryHistory({ entryId, history }: { entryId: string; history: EntryHistoryEvent[] }) {
  const m = useEntriesMessages();
  const l = useListMessages();
  const titles: Record<EntryHistoryAction, string> = { submitted: m.historySubmitted, approved: m.historyApproved, rejected: m.historyRejected, withdrawn: m.historyWithdrawn };
  return (
    <Timeline
      data-testid="entry-history"
      items={history.map((event) => ({
        key: `${event.entryId}-${event.action}-${event.at}`,
        color: COLOURS[event.action],
        content: (
          <div>
            <Typography.Text strong>{format(titles[event.action], { name: event.actorName ?? m.someone })}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>{formatTime(event.at)}</Typography.Text>
            {event.reason && <div>{l[`withdrawalReason.${event.reason}`]}</div>}
            {event.note && <div><Typography.Text type="secondary">{format(m.note, { note: event.note })}</Typography.Text></div>}
            {event.comment && <div><Typography.Text type="secondary">{format(m.comment, { comment: event.comment })}</Typography.Text></div>}
            {event.entryId !== entryId && <div><Link to={`/entries/${event.entryId}`}>{m.otherListing}</Link></div>}
          </div>
        ),
      }))}
    />
  );
}
