// The board as a table: one row per screen, sortable by name, condition, version and last seen.

import { Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { CONDITIONS } from './fleet-filter.ts';
import type { BoardRow } from './board-row.ts';
import { ConditionBadge } from './ConditionBadge.tsx';
import { ProblemText } from './ProblemText.tsx';
import { useScreensMessages } from './screens-messages.ts';
import { ShowingText } from './ShowingText.tsx';
import { formatTime, fromNow } from './units.ts';
import { VersionText } from './VersionText.tsx';

export function ScreenTable({ rows, currentVersion, now }: { rows: BoardRow[]; currentVersion: number; now: number }) {
  const m = useScreensMessages();
  const columns: TableColumnsType<BoardRow> = [
    { title: m.colName, dataIndex: 'name', width: 200, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'), render: (name: string, row) => <Link to={`/screens/${encodeURIComponent(row.id)}`}>{name}</Link> },
    {
      title: m.colCondition,
      dataIndex: 'condition',
      width: 220,
      sorter: (a, b) => CONDITIONS.indexOf(a.condition) - CONDITIONS.indexOf(b.condition),
      render: (_, row) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <span><ConditionBadge condition={row.condition} /></span>
          {row.problem && <ProblemText problem={row.problem} />}
        </Flex>
      ),
    },
    { title: m.colGroups, dataIndex: 'groups', width: 150, render: (groups: string[]) => (groups.length === 0 ? <Typography.Text type="secondary">{m.noGroup}</Typography.Text> : groups.map((g) => <Tag key={g}>{g}</Tag>)) },
    { title: m.colVersion, dataIndex: 'manifestVersion', width: 180, sorter: (a, b) => a.manifestVersion - b.manifestVersion, render: (version: number) => <VersionText applied={version} current={currentVersion} /> },
    { title: m.colShowing, key: 'showing', ellipsis: true, render: (_, row) => <ShowingText onScreen={row.condition === 'offline' ? null : row.health?.onScreen} /> },
    { title: m.colLastSeen, dataIndex: 'lastSeenAt', width: 110, sorter: (a, b) => (a.lastSeenAt ?? 0) - (b.lastSeenAt ?? 0), render: (at: number | null) => <span title={formatTime(at)}>{fromNow(at, now)}</span> },
  ];
  return <Table<BoardRow> rowKey="id" size="middle" columns={columns} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }} data-testid="screen-table" />;
}
