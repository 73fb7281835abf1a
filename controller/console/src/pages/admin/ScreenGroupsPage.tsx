// Screen groups: every group with its screens; technicians and admins create, rename and fill them,
// everyone else who targets groups reads them.

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { formatInstant } from '../reports/report-format.ts';
import { GroupNameModal } from './GroupNameModal.tsx';
import { GroupScreensModal } from './GroupScreensModal.tsx';
import { useFleet, useScreenGroupList, type ScreenGroup } from './screen-groups-api.ts';
import { useScreenGroupsMessages } from './screen-groups-messages.ts';

/** Screen names shown in a row before the rest are summed up. */
const NAMES_SHOWN = 6;

type Dialog = { kind: 'create' } | { kind: 'rename'; group: ScreenGroup } | { kind: 'screens'; group: ScreenGroup } | null;

export default function ScreenGroupsPage() {
  const m = useScreenGroupsMessages();
  const { can } = useSession();
  const canManage = can('screen-groups.manage');
  const groups = useScreenGroupList();
  const fleet = useFleet(can('screens.read'));
  const [dialog, setDialog] = useState<Dialog>(null);
  const names = new Map((fleet.data ?? []).map((s) => [s.id, s.name]));

  const columns: TableColumnsType<ScreenGroup> = [
    { title: m.colName, key: 'name', width: 240, render: (_, g) => <Typography.Text strong>{g.name}</Typography.Text>, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    {
      title: m.colScreens,
      key: 'screens',
      render: (_, g) => {
        if (g.screenIds.length === 0) return <Typography.Text type="secondary">{m.noScreens}</Typography.Text>;
        if (names.size === 0) return format(m.screenCount, { count: g.screenIds.length });
        const shown = g.screenIds.slice(0, NAMES_SHOWN);
        return (
          <Space size={[4, 4]} wrap>
            {shown.map((id) => <Tag key={id}>{names.get(id) ?? id.slice(0, 8)}</Tag>)}
            {g.screenIds.length > NAMES_SHOWN && (
              <Tooltip title={g.screenIds.slice(NAMES_SHOWN).map((id) => names.get(id) ?? id).join('、')}>
                <Typography.Text type="secondary">{format(m.moreScreens, { count: g.screenIds.length })}</Typography.Text>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    { title: m.colCreated, key: 'created', width: 180, render: (_, g) => formatInstant(g.createdAt) },
    ...(canManage
      ? [{
          title: m.colActions,
          key: 'actions',
          width: 190,
          render: (_: unknown, g: ScreenGroup) => (
            <Space size={4}>
              <Button size="small" onClick={() => setDialog({ kind: 'rename', group: g })}>{m.rename}</Button>
              <Button size="small" onClick={() => setDialog({ kind: 'screens', group: g })}>{m.assign}</Button>
            </Space>
          ),
        }]
      : []),
  ];

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} actions={canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>{m.newGroup}</Button>} />
      {!canManage && <Alert type="info" showIcon title={m.readOnly} style={{ marginBottom: 16 }} />}
      <ApiErrorAlert error={groups.error ?? fleet.error} />
      <Table<ScreenGroup> rowKey="id" size="middle" columns={columns} dataSource={groups.data ?? []} loading={groups.isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: m.empty }} data-testid="screen-groups-table" />
      {(dialog?.kind === 'create' || dialog?.kind === 'rename') && <GroupNameModal group={dialog.kind === 'rename' ? dialog.group : null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'screens' && <GroupScreensModal group={dialog.group} fleet={fleet.data ?? []} onClose={() => setDialog(null)} />}
    </>
  );
}
