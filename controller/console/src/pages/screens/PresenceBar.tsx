// The window as one bar: green while online, grey while offline, pale where nothing was recorded, with its legend.

import { Flex, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PresenceSpan } from './health-series.ts';
import { useHealthMessages } from './health-messages.ts';

const COLOUR: Record<PresenceSpan['status'], string> = { online: '#52c41a', offline: '#bfbfbf', unknown: '#f5f5f5' };

export function PresenceBar({ spans, window }: { spans: readonly PresenceSpan[]; window: { from: number; to: number } }) {
  const m = useHealthMessages();
  const width = window.to - window.from || 1;
  return (
    <div>
      <Flex style={{ height: 18, borderRadius: 3, overflow: 'hidden', border: '1px solid #f0f0f0' }} data-testid="presence-bar">
        {spans.map((span) => (
          <Tooltip key={span.from} title={`${m[span.status]} · ${dayjs(span.from).format('MM-DD HH:mm')} – ${dayjs(span.to).format('MM-DD HH:mm')}`}>
            <div style={{ width: `${((span.to - span.from) / width) * 100}%`, background: COLOUR[span.status] }} />
          </Tooltip>
        ))}
      </Flex>
      <Flex justify="space-between">
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>{dayjs(window.from).format('MM-DD HH:mm')}</Typography.Text>
        <Flex gap={12}>
          {(['online', 'offline', 'unknown'] as const).map((status) => (
            <Typography.Text key={status} type="secondary" style={{ fontSize: 11 }}>
              <span style={{ display: 'inline-block', width: 10, height: 10, marginInlineEnd: 4, verticalAlign: -1, background: COLOUR[status], border: '1px solid #d9d9d9' }} />
              {m[status]}
            </Typography.Text>
          ))}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>{dayjs(window.to).format('MM-DD HH:mm')}</Typography.Text>
      </Flex>
    </div>
  );
}
