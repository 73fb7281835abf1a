// The accounts: who, which roles, active or disabled, and what an admin may do to each.

import { Button, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useNavMessages } from '../../app/nav-messages.ts';
import { format } from '../../i18n/messages.ts';
import { formatInstant } from '../reports/report-format.ts';
import type { Account } from './users-api.ts';
import { useUsersMessages } from './users-messages.ts';

export interface AccountActions {
  edit: (account: Account) => void;
  resetPassword: (account: Account) => void;
  setDisabled: (account: Account, disabled: boolean) => Promise<void>;
}

export function UsersTable({ accounts, loading, currentUserId, actions }: { accounts: Account[]; loading: boolean; currentUserId: string; actions: AccountActions }) {
  const m = useUsersMessages();
  const nav = useNavMessages();
  const columns: TableColumnsType<Account> = [
    {
      title: m.colUser,
      key: 'user',
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (_, a) => (
        <Flex vertical>
          <span><Typography.Text strong>{a.displayName}</Typography.Text>{a.id === currentUserId && <Tag color="blue" style={{ marginInlineStart: 8 }}>{m.you}</Tag>}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.username}</Typography.Text>
        </Flex>
      ),
    },
    { title: m.colRoles, key: 'roles', render: (_, a) => a.roles.map((role) => <Tag key={role} color={role === 'admin' ? 'red' : 'default'}>{nav[`role.${role}`]}</Tag>) },
    { title: m.colStatus, key: 'status', width: 100, render: (_, a) => (a.disabled ? <Tag>{m.disabled}</Tag> : <Tag color="success">{m.active}</Tag>) },
    { title: m.colCreated, key: 'created', width: 180, render: (_, a) => formatInstant(a.createdAt) },
    {
      title: m.colActions,
      key: 'actions',
      width: 260,
      render: (_, a) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => actions.edit(a)}>{m.edit}</Button>
          {!a.disabled && <Button size="small" onClick={() => actions.resetPassword(a)}>{m.resetPassword}</Button>}
          {a.disabled ? (
            <Popconfirm title={format(m.enableConfirm, { name: a.displayName })} okText={m.enable} cancelText={m.cancel} onConfirm={() => actions.setDisabled(a, false)}>
              <Button size="small">{m.enable}</Button>
            </Popconfirm>
          ) : (
            a.id !== currentUserId && (
              <Popconfirm title={format(m.disableConfirm, { name: a.displayName })} description={m.disableEffect} okText={m.disable} okButtonProps={{ danger: true }} cancelText={m.cancel} onConfirm={() => actions.setDisabled(a, true)}>
                <Button size="small" danger>{m.disable}</Button>
              </Popconfirm>
            )
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<Account>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={accounts}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: m.empty }}
      data-testid="users-table"
    />
  );
}
