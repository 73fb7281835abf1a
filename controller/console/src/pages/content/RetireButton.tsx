// Takes an approved item off every screen, after a confirmation that says so; the reason goes to the audit log.

import { App, Button, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { format } from '../../i18n/messages.ts';
import { useRetireContent } from './content-api.ts';
import type { ContentItem } from './content-items.ts';
import { useContentMessages } from './content-messages.ts';

export function RetireButton({ item }: { item: Pick<ContentItem, 'id' | 'title'> }) {
  const m = useContentMessages();
  const { message } = App.useApp();
  const retire = useRetireContent();
  const [reason, setReason] = useState('');
  return (
    <Popconfirm
      title={format(m.retireConfirm, { title: item.title })}
      description={
        <Space orientation="vertical" style={{ width: 320 }}>
          <Typography.Text type="secondary">{m.retireEffect}</Typography.Text>
          <Input.TextArea value={reason} onChange={(event) => setReason(event.target.value)} placeholder={m.retireReason} maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="retire-reason" />
        </Space>
      }
      okText={m.retire}
      cancelText={m.cancel}
      okButtonProps={{ danger: true, loading: retire.isPending }}
      onConfirm={async () => {
        try {
          await retire.mutateAsync({ id: item.id, comment: reason.trim() });
          void message.success(format(m.retired, { title: item.title }));
          setReason('');
        } catch (error) {
          void message.error(error instanceof Error ? error.message : String(error));
        }
      }}
    >
      <Button type="link" size="small" danger>{m.retire}</Button>
    </Popconfirm>
  );
}
