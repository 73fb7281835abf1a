// A schedule change under review: each field of the live version beside the pending one, changed ones marked, and the verdict.

import { Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { changedKeys } from './programme-diff.ts';
import type { PendingProgramme, ScheduleDocument } from './review-api.ts';
import { formatTime, personName } from './review-format.ts';
import { useReviewNames } from './review-lookups.ts';
import { useReviewMessages } from './review-messages.ts';
import { verdictAvailability } from './review-verdict.ts';
import { ReviewDecision } from './ReviewDecision.tsx';
import { ReviewDrawer } from './ReviewDrawer.tsx';

const FIELDS = ['playlistId', 'screenGroupIds', 'firstDate', 'lastDate', 'weekdays', 'windows', 'priority'] as const satisfies ReadonlyArray<keyof ScheduleDocument>;
type Field = (typeof FIELDS)[number];

interface FieldRow {
  field: Field;
  approved: string;
  pending: string;
  changed: boolean;
}

export function ScheduleReview({ schedule, onClose }: { schedule: PendingProgramme<ScheduleDocument>; onClose: () => void }) {
  const m = useReviewMessages();
  const { user, can } = useSession();
  const names = useReviewNames({ playlists: true, groups: true });
  const availability = verdictAvailability({ authorId: schedule.pendingBy, userId: user.id, canReview: can('programme.review'), pending: true });
  const weekdayNames = m.weekdayNames.split(',');
  const labels: Record<Field, string> = {
    playlistId: m.fieldPlaylist, screenGroupIds: m.fieldGroups, firstDate: m.fieldFirstDate, lastDate: m.fieldLastDate, weekdays: m.fieldWeekdays, windows: m.fieldWindows, priority: m.fieldPriority,
  };
  const show = (doc: ScheduleDocument | null, field: Field): string => {
    if (doc === null) return m.none;
    switch (field) {
      case 'playlistId': return names.playlists.get(doc.playlistId) ?? doc.playlistId;
      case 'screenGroupIds': return doc.screenGroupIds.map((id) => names.groups.get(id) ?? id).join('、');
      case 'firstDate': return doc.firstDate ?? m.noLimit;
      case 'lastDate': return doc.lastDate ?? m.noLimit;
      case 'weekdays': return doc.weekdays.map((day) => `${m.weekdayPrefix}${weekdayNames[day - 1] ?? day}`).join(' ');
      case 'windows': return doc.windows.map((w) => `${w.start}–${w.end}`).join('，');
      case 'priority': return String(doc.priority);
    }
  };
  const changed = new Set(changedKeys(schedule.approved, schedule.pending, FIELDS));
  const rows: FieldRow[] = FIELDS.map((field) => ({ field, approved: show(schedule.approved, field), pending: show(schedule.pending, field), changed: schedule.approved !== null && changed.has(field) }));
  const columns: TableColumnsType<FieldRow> = [
    { title: m.colField, key: 'field', width: 160, render: (_, r) => <Typography.Text strong>{labels[r.field]}</Typography.Text> },
    { title: m.colApproved, key: 'approved', render: (_, r) => (r.changed ? <Typography.Text delete type="secondary">{r.approved}</Typography.Text> : r.approved) },
    { title: m.colPending, key: 'pending', render: (_, r) => (r.changed ? <Typography.Text mark>{r.pending}</Typography.Text> : r.pending) },
    { title: '', key: 'changed', width: 100, render: (_, r) => (r.changed ? <Tag color="orange">{m.changed}</Tag> : null) },
  ];

  return (
    <ReviewDrawer
      title={format(m.scheduleReviewTitle, { name: schedule.name })}
      extra={schedule.approved === null ? <Tag color="blue">{m.programmeNew}</Tag> : <Tag color="purple">{m.programmeChange}</Tag>}
      footer={<ReviewDecision target={{ kind: 'schedules', id: schedule.id, pendingAt: schedule.pendingAt }} availability={availability} onDone={onClose} />}
      onClose={onClose}
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} items={[{ key: 'submitter', label: m.colSubmitter, children: `${personName(schedule.pendingByName, m.unknownUser)} · ${formatTime(schedule.pendingAt)}` }]} />
      <Table<FieldRow> rowKey="field" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="schedule-diff" />
    </ReviewDrawer>
  );
}
