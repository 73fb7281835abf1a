// The warned entries of a pending change set, each to be checked and ticked by the approver before
// approval is enabled (the server also refuses approval without the confirmation).

import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { useChangeSetMessages } from './change-set-messages.ts';
import { serverMessageIn, warningLabel } from './entry-labels.ts';
import { useReviewRows } from './review-api.ts';

const PAGE_SIZE = 50;

interface WarningsChecklistProps {
  changeSetId: string;
  warnedCount: number;
  confirmed: ReadonlySet<string>;
  onChange: (confirmed: Set<string>) => void;
}

export function WarningsChecklist({ changeSetId, warnedCount, confirmed, onChange }: WarningsChecklistProps) {
  const m = useChangeSetMessages();
  const { locale } = useLocale();
  const [page, setPage] = useState(1);
  const warned = useReviewRows(changeSetId, 'warned', page, PAGE_SIZE);
  const items = warned.data?.items ?? [];
  const allDone = confirmed.size >= warnedCount;

  const toggle = (entryId: string, checked: boolean) => {
    const next = new Set(confirmed);
    if (checked) next.add(entryId);
    else next.delete(entryId);
    onChange(next);
  };

  return (
    <Alert
      type={allDone ? 'success' : 'warning'}
      showIcon
      icon={allDone ? <CheckCircleFilled /> : undefined}
      title={allDone ? format(m.warningsConfirmedAll, { count: warnedCount }) : format(m.warningsTitle, { count: warnedCount })}
      description={
        <div data-testid="warnings-checklist">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{m.warningsDetail}</Typography.Paragraph>
          <ApiErrorAlert error={warned.error} />
          <List
            size="small"
            loading={warned.isFetching}
            dataSource={items}
            pagination={warnedCount > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: warnedCount, onChange: setPage, size: 'small' } : false}
            renderItem={({ entry }) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Flex gap={12} align="flex-start" style={{ width: '100%' }}>
                  <Checkbox checked={confirmed.has(entry.id)} onChange={(event) => toggle(entry.id, event.target.checked)} data-testid={`confirm-warning-${entry.line ?? entry.id}`}>
                    {m.confirmOne}
                  </Checkbox>
                  <div style={{ flex: 1 }}>
                    <Typography.Text strong>{format(m.warningLine, { line: entry.line ?? '—' })} · {entry.subjectName}</Typography.Text>
                    <Typography.Text code style={{ marginLeft: 8 }}>{entry.creditCode ?? entry.idNumber}</Typography.Text>
                    {entry.warnings.map((warning, index) => (
                      <div key={index}>
                        <Tag color="orange">{warningLabel(m, warning.code)}</Tag>
                        <Typography.Text type="secondary">{serverMessageIn(warning.message, locale)}</Typography.Text>
                      </div>
                    ))}
                  </div>
                </Flex>
              </List.Item>
            )}
          />
          {!allDone && items.length > 1 && (
            <Button size="small" onClick={() => onChange(new Set([...confirmed, ...items.map((row) => row.entry.id)]))}>{m.confirmAll}</Button>
          )}
        </div>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
