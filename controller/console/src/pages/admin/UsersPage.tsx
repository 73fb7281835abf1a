// Users and roles (admin): the accounts, creating one, changing its name and roles, disabling or
// enabling it, and resetting a password.

import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Input } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { useAccounts, useUpdateAccount, type Account } from './users-api.ts';
import { useUsersMessages } from './users-messages.ts';
import { UsersTable } from './UsersTable.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; account: Account } | { kind: 'reset'; account: Account } | null;

export default function UsersPage() {
  const m = useUsersMessages();
  const { user } = useSession();
  const { message } = App.useApp();
  const accounts = useAccounts();
  const update = useUpdateAccount();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = (accounts.data ?? []).filter((a) => needle === '' || a.username.includes(needle) || a.displayName.toLowerCase().includes(needle));

  const setDisabled = async (account: Account, disabled: boolean) => {
    try {
      await update.mutateAsync({ id: account.id, change: { disabled } });
      void message.success(format(disabled ? m.disabledDone : m.enabledDone, { name: account.displayName }));
    } catch (failure) {
      void message.error(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        actions={
          <>
            <Input.Search allowClear placeholder={m.searchPlaceholder} style={{ width: 240 }} value={filter} onChange={(event) => setFilter(event.target.value)} />
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog({ kind: 'create' })}>{m.newUser}</Button>
          </>
        }
      />
      <ApiErrorAlert error={accounts.error} />
      <UsersTable
        accounts={shown}
        loading={accounts.isLoading}
        currentUserId={user.id}
        actions={{ edit: (account) => setDialog({ kind: 'edit', account }), resetPassword: (account) => setDialog({ kind: 'reset', account }), setDisabled }}
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && <UserFormModal account={dialog.kind === 'edit' ? dialog.account : null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal account={dialog.account} onClose={() => setDialog(null)} />}
    </>
  );
}
