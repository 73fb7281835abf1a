// Naming a new screen group, or renaming one.

import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { fieldErrorsOf } from './field-errors.ts';
import { useCreateGroup, useRenameGroup, type ScreenGroup } from './screen-groups-api.ts';
import { useScreenGroupsMessages } from './screen-groups-messages.ts';

/** The server's bound on a group's name. */
const NAME_MAX = 100;

/** `group` null: a new group. */
export function GroupNameModal({ group, onClose }: { group: ScreenGroup | null; onClose: () => void }) {
  const m = useScreenGroupsMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateGroup();
  const rename = useRenameGroup();
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ name }: { name: string }) => {
    setError(null);
    try {
      const saved = group === null ? await create.mutateAsync(name.trim()) : await rename.mutateAsync({ id: group.id, name: name.trim() });
      void message.success(format(group === null ? m.created : m.renamed, { name: saved.name }));
      onClose();
    } catch (failure) {
      const fields = fieldErrorsOf(failure, ['name'] as const);
      // A taken name is a conflict, not a field issue, but it belongs on the field all the same.
      if (failure instanceof ApiError && failure.code === 'screen-groups.name-taken') form.setFields([{ name: 'name', errors: [failure.message] }]);
      else if (fields.length > 0) form.setFields(fields);
      else setError(failure);
    }
  };

  return (
    <Modal
      open
      title={group === null ? m.createTitle : format(m.renameTitle, { name: group.name })}
      okText={group === null ? m.create : m.save}
      cancelText={m.cancel}
      confirmLoading={create.isPending || rename.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="group-name"
    >
      <ApiErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ name: group?.name ?? '' }} onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label={m.name} extra={m.nameHelp} rules={[{ required: true, whitespace: true, message: m.nameRequired }, { max: NAME_MAX, message: m.nameTooLong }]}>
          <Input autoFocus data-testid="group-name-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
