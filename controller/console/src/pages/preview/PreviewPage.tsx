// "What will screen X show at time T": pick a screen and a moment on its own clock; the controller
// runs the screens' own schedule evaluation on the newest published programme and says what plays.

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Flex, Form, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { PROGRAMME_KEYS, usePlaylists, useProgrammeScreens, useSchedules } from '../playlists/programme-api.ts';
import { instantOnScreenClock, type ProgrammePreview } from './programme-preview.ts';
import { PreviewResult } from './PreviewResult.tsx';
import { usePreviewMessages } from './preview-messages.ts';

// Minutes are the schedules' own resolution; seconds would only suggest a precision they lack.
const PICKED = 'YYYY-MM-DD HH:mm';

export default function PreviewPage() {
  const m = usePreviewMessages();
  const screens = useProgrammeScreens();
  const playlists = usePlaylists();
  const schedules = useSchedules();
  const [screenId, setScreenId] = useState<string | null>(null);
  const [picked, setPicked] = useState<Dayjs>(() => dayjs().second(0).millisecond(0));
  const screen = screens.data?.find((candidate) => candidate.id === screenId) ?? null;
  // The picked wall-clock time is read on the screen's clock, wherever the browser is.
  const at = screen ? instantOnScreenClock(picked.format('YYYY-MM-DD'), picked.format('HH:mm'), screen.timeZone) : null;
  const preview = useQuery({
    queryKey: [...PROGRAMME_KEYS.preview, screenId, at],
    queryFn: () => api.get<ProgrammePreview>(`/api/v1/screens/${encodeURIComponent(screenId ?? '')}/programme`, { at: String(at) }),
    enabled: screen !== null && at !== null,
  });

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <ApiErrorAlert error={screens.error ?? preview.error} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" component="div">
          <Form.Item label={m.screen}>
            <Select
              style={{ width: 320 }}
              placeholder={m.screenPlaceholder}
              loading={screens.isLoading}
              value={screenId}
              onChange={setScreenId}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noScreens} />}
              options={(screens.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              data-testid="preview-screen"
            />
          </Form.Item>
          <Form.Item label={m.time}>
            <Flex gap={8}>
              <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={PICKED} allowClear={false} value={picked} onChange={(value) => value && setPicked(value)} style={{ width: 200 }} data-testid="preview-time" />
              <Button onClick={() => setPicked(dayjs().second(0).millisecond(0))}>{m.now}</Button>
            </Flex>
          </Form.Item>
        </Form>
        {screen && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {format(screen.isDefaultTimeZone ? m.zoneDefault : m.zoneOwn, { zone: screen.timeZone })}
          </Typography.Text>
        )}
      </Card>
      <Alert type="info" showIcon title={m.basis} style={{ marginBottom: 16 }} />
      {!screen ? (
        <Card><Empty description={m.pickScreen} /></Card>
      ) : preview.isLoading ? (
        <Card><Spin style={{ width: '100%' }} /></Card>
      ) : preview.data ? (
        <PreviewResult preview={preview.data} playlists={playlists.data ?? []} schedules={schedules.data ?? []} />
      ) : null}
    </>
  );
}
