// What the screen shows now: its latest screenshot, what its heartbeat says is playing, and the programme the controller expects.

import { CameraOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Flex, Image, Tag, Typography } from 'antd';
import { format } from '../../i18n/messages.ts';
import { useDetailMessages } from './detail-messages.ts';
import type { CommandView, ProgrammeAnswer } from './screens-api.ts';
import { ShowingText } from './ShowingText.tsx';
import { formatTime, fromNow } from './units.ts';

interface Props {
  onScreen: string | null | undefined;
  /** newest first, as the history answers */
  commands: readonly CommandView[] | undefined;
  programme: ProgrammeAnswer | undefined;
  now: number;
}

function LastScreenshot({ commands }: { commands: readonly CommandView[] | undefined }) {
  const m = useDetailMessages();
  const shots = (commands ?? []).filter((c) => c.kind === 'screenshot' && c.status === 'succeeded');
  const latest = shots.find((c) => c.screenshotUrl !== null);
  if (latest?.screenshotUrl) {
    return (
      <Flex vertical gap={4}>
        <Image src={latest.screenshotUrl} alt={format(m.screenshotAt, { when: formatTime(latest.completedAt) })} style={{ width: '100%', border: '1px solid #f0f0f0', background: '#000' }} data-testid="last-screenshot" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{format(m.screenshotAt, { when: formatTime(latest.completedAt) })}</Typography.Text>
      </Flex>
    );
  }
  const expired = shots.some((c) => c.screenshotExpired);
  return (
    <Empty image={<CameraOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} styles={{ image: { height: 48 } }} description={expired ? m.screenshotExpired : <>{m.noScreenshot}<br /><Typography.Text type="secondary">{m.noScreenshotHint}</Typography.Text></>} />
  );
}

function programmeSource(programme: ProgrammeAnswer, m: ReturnType<typeof useDetailMessages>): string {
  if (programme.source.kind === 'schedule') return format(m.programmeSchedule, { id: programme.source.scheduleId });
  return programme.source.kind === 'default' ? m.programmeDefault : m.programmeRotation;
}

export function OnScreenNow({ onScreen, commands, programme, now }: Props) {
  const m = useDetailMessages();
  return (
    <Card title={m.nowTitle} size="small" style={{ height: '100%' }}>
      <Flex vertical gap={12}>
        <LastScreenshot commands={commands} />
        <Descriptions size="small" column={1} styles={{ label: { width: 88 } }}>
          <Descriptions.Item label={m.showing}><ShowingText onScreen={onScreen} /></Descriptions.Item>
          {programme && (
            <Descriptions.Item label={m.programme}>
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Typography.Text>
                  {programmeSource(programme, m)} · {format(m.programmeItems, { count: programme.items.length })}
                  {programme.nextChangeAtMs !== null && <Typography.Text type="secondary"> · {format(m.nextChange, { when: fromNow(programme.nextChangeAtMs, now) })}</Typography.Text>}
                </Typography.Text>
                <div>{programme.items.slice(0, 8).map((item) => <Tag key={item.id} style={{ marginBottom: 4 }}>{item.id}</Tag>)}</div>
              </Flex>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Flex>
    </Card>
  );
}
