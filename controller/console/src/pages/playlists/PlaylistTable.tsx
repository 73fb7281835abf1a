// The playlists with their status, items, loop length and last change; editing and retiring for
// authors (a change another user proposed stays theirs until reviewed).

import { Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { formatSeconds, totalSeconds } from './playlist-draft.ts';
import { usePlaylistMessages } from './playlists-messages.ts';
import { latestDocument, type PlaylistRow } from './programme-api.ts';
import { PlaylistVersions } from './PlaylistVersions.tsx';
import { ReviewStatusTag } from './ReviewStatusTag.tsx';
import { RowActions } from './RowActions.tsx';

interface Props {
  rows: PlaylistRow[];
  loading: boolean;
  retiringId: string | null;
  onEdit: (row: PlaylistRow) => void;
  onRetire: (row: PlaylistRow) => void;
  /** shown in the empty table: a way to make the first one */
  emptyAction?: ReactNode;
}

const secondsOf = (row: PlaylistRow) => totalSeconds((latestDocument(row)?.items ?? []).map((item) => ({ durationSeconds: item.durationMs / 1000 })));

export function PlaylistTable({ rows, loading, retiringId, onEdit, onRetire, emptyAction }: Props) {
  const m = usePlaylistMessages();
  const { can } = useSession();
  const canEdit = can('programme.edit');
  const columns: TableColumnsType<PlaylistRow> = [
    {
      title: m.name,
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, row) => (
        <Flex gap={6} align="center">
          <Typography.Text strong>{name}</Typography.Text>
          {row.isDefault && <Tag color="red" data-testid="default-tag">{m.defaultTag}</Tag>}
        </Flex>
      ),
    },
    { title: m.status, dataIndex: 'status', width: 190, render: (_, row) => <ReviewStatusTag status={row.status} comment={row.reviewComment} /> },
    { title: m.itemCount, width: 90, align: 'right', render: (_, row) => latestDocument(row)?.items.length ?? 0 },
    { title: m.loopLength, width: 110, align: 'right', sorter: (a, b) => secondsOf(a) - secondsOf(b), render: (_, row) => formatSeconds(secondsOf(row)) },
    { title: m.tickerCount, width: 90, align: 'right', render: (_, row) => latestDocument(row)?.tickerIds.length ?? 0 },
    {
      title: m.lastChange,
      width: 160,
      defaultSortOrder: 'descend',
      sorter: (a, b) => lastChangeOf(a) - lastChangeOf(b),
      render: (_, row) => dayjs(lastChangeOf(row)).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: m.reviewComment,
      dataIndex: 'reviewComment',
      ellipsis: { showTitle: true },
      render: (comment: string | null) => comment || <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];
  if (canEdit) {
    columns.push({
      title: m.actions,
      width: 170,
      render: (_, row) => (
        <RowActions row={row} retiring={retiringId === row.id} retireConfirm={format(m.retireConfirm, { name: row.name })} retireEffect={m.retireEffect} onEdit={() => onEdit(row)} onRetire={() => onRetire(row)} />
      ),
    });
  }
  return (
    <Table<PlaylistRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.empty}>{emptyAction}</Empty> }}
      expandable={{ expandedRowRender: (row) => <PlaylistVersions row={row} />, rowExpandable: (row) => row.approved !== null || row.pending !== null }}
      data-testid="playlist-table"
    />
  );
}

function lastChangeOf(row: PlaylistRow): number {
  return row.retiredAt ?? row.pendingAt ?? row.approvedAt ?? row.createdAt;
}
