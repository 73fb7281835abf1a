// An entry's fields as imported, its source (file and line), and warnings the approver confirmed.

import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { format } from '../../i18n/messages.ts';
import type { EntryDetail } from './entries-api.ts';
import { useEntriesMessages } from './entries-messages.ts';
import { entryCode } from './entry-display.ts';
import { ENTRY_STATUS_COLOURS, LIST_COLOURS, useListMessages } from './list-messages.ts';

function IdNumber({ entry }: { entry: EntryDetail['entry'] }) {
  const m = useEntriesMessages();
  const [revealed, setRevealed] = useState(false);
  return (
    <Space>
      <Typography.Text style={{ fontFamily: 'monospace' }} data-testid="entry-id-number">{entryCode({ creditCode: null, idNumber: entry.idNumber }, revealed)}</Typography.Text>
      <Button size="small" type="text" icon={revealed ? <EyeInvisibleOutlined /> : <EyeOutlined />} onClick={() => setRevealed(!revealed)}>{revealed ? m.hideId : m.showId}</Button>
    </Space>
  );
}

export function EntryFacts({ detail }: { detail: EntryDetail }) {
  const m = useEntriesMessages();
  const l = useListMessages();
  const { entry, changeSet } = detail;
  const dash = (text: string | null) => (text && text.trim() !== '' ? text : '—');
  const source = changeSet?.sourceName
    ? changeSet.sourceLine !== null ? format(m.sourceLine, { file: changeSet.sourceName, line: changeSet.sourceLine }) : changeSet.sourceName
    : null;
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { width: 150 } }}
      items={[
        { key: 'name', label: m.name, children: <Typography.Text strong>{entry.subjectName}</Typography.Text> },
        { key: 'type', label: m.subjectType, children: l[`subjectType.${entry.subjectType}`] },
        entry.creditCode
          ? { key: 'code', label: m.creditCode, children: <Typography.Text style={{ fontFamily: 'monospace' }} copyable>{entry.creditCode}</Typography.Text> }
          : { key: 'id', label: m.idNumber, children: entry.idNumber ? <IdNumber entry={entry} /> : '—' },
        { key: 'legal', label: m.legalRepresentative, children: dash(entry.legalRepresentative) },
        { key: 'list', label: m.list, children: <Tag color={LIST_COLOURS[entry.list]}>{l[`list.${entry.list}`]}</Tag> },
        { key: 'category', label: m.category, children: entry.category },
        { key: 'reason', label: m.reason, span: 2, children: entry.reason },
        { key: 'authority', label: m.authority, children: entry.authority },
        { key: 'basis', label: m.basis, children: dash(entry.basis) },
        { key: 'listed', label: m.listedOn, children: entry.listedOn },
        { key: 'valid', label: m.validUntil, children: entry.validUntil },
        { key: 'status', label: m.status, children: <Tag color={ENTRY_STATUS_COLOURS[entry.status]} data-testid="entry-status">{l[`entryStatus.${entry.status}`]}</Tag> },
        { key: 'ref', label: m.sourceRef, children: dash(entry.sourceRef) },
        { key: 'source', label: m.source, span: 2, children: dash(source) },
        ...(entry.warnings.length > 0
          ? [{ key: 'warnings', label: m.warnings, span: 2, children: entry.warnings.map((w) => <div key={w.code + w.column}>{w.message}</div>) }]
          : []),
      ]}
    />
  );
}
