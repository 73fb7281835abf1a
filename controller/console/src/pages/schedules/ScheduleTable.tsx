// The schedules as a table: what plays, where, on which days and hours, between which dates, at
// which priority, and whether it is live or awaiting review.

import { Badge, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { ReviewStatusTag } from '../playlists/ReviewStatusTag.tsx';
import { RowActions } from '../playlists/RowActions.tsx';
import type { ListedSchedule } from './planned-schedules.ts';
import { weekdayPattern } from './schedule-form.ts';
import { useScheduleMessages } from './schedules-messages.ts';

interface Props {
  schedules: ListedSchedule[];
  loading: boolean;
  colours: ReadonlyMap<string, string>;
  conflicted: ReadonlySet<string>;
  retiringId: string | null;
  playlistName: (playlistId: string) => string;
  groupName: (groupId: string) => string;
  onEdit: (schedule: ListedSchedule) => void;
  onRetire: (schedule: ListedSchedule) => void;
  /** shown in the empty table: a way to make the first one */
  emptyAction?: ReactNode;
}

export function ScheduleTable({ schedules, loading, colours, conflicted, retiringId, playlistName, groupName, onEdit, onRetire, emptyAction }: Props) {
  const m = useScheduleMessages();
  const { can } = useSession();
  const days = (weekdays: readonly number[]) => {
    const pattern = weekdayPattern(weekdays);
    return typeof pattern === 'string' ? m[`pattern.${pattern}`] : pattern.map((day) => m[`weekday.${day}` as `weekday.1`]).join(' ');
  };
  const columns: TableColumnsType<ListedSchedule> = [
    {
      title: m.nameAndStatus,
      render: (_, { row }) => (
        <Flex vertical gap={4} align="flex-start">
          <Typography.Text strong>{row.name}</Typography.Text>
          <Flex gap={4}>
            <ReviewStatusTag status={row.status} comment={row.reviewComment} />
            {conflicted.has(row.id) && <Tag color="red" data-testid="conflict-tag">{m.inConflict}</Tag>}
          </Flex>
        </Flex>
      ),
    },
    { title: m.playlist, width: 170, render: (_, { document }) => document && <Badge color={colours.get(document.playlistId)} text={playlistName(document.playlistId)} /> },
    { title: m.groups, render: (_, { document }) => document?.screenGroupIds.map((id) => <Tag key={id}>{groupName(id)}</Tag>) },
    { title: m.days, width: 100, render: (_, { document }) => document && days(document.weekdays) },
    { title: m.windows, width: 120, render: (_, { document }) => document?.windows.map((window) => <div key={window.start} style={{ whiteSpace: 'nowrap' }}>{window.start}–{window.end}</div>) },
    {
      title: m.validity,
      width: 190,
      render: (_, { document }) => document && (document.firstDate || document.lastDate ? format(m.validityRange, { from: document.firstDate ?? m.openStart, to: document.lastDate ?? m.openEnd }) : m.always),
    },
    { title: m.priority, width: 80, align: 'right', sorter: (a, b) => (a.document?.priority ?? -1) - (b.document?.priority ?? -1), defaultSortOrder: 'descend', render: (_, { document }) => document?.priority },
  ];
  if (can('programme.edit')) {
    columns.push({
      title: m.actions,
      width: 170,
      render: (_, schedule) => (
        <RowActions row={schedule.row} retiring={retiringId === schedule.row.id} retireConfirm={format(m.retireConfirm, { name: schedule.row.name })} retireEffect={m.retireEffect} onEdit={() => onEdit(schedule)} onRetire={() => onRetire(schedule)} />
      ),
    });
  }
  return (
    <Table<ListedSchedule>
      rowKey={(schedule) => schedule.row.id}
      size="middle"
      columns={columns}
      dataSource={schedules}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.empty}>{emptyAction}</Empty> }}
      data-testid="schedule-table"
    />
  );
}
