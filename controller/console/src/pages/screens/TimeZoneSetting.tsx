// The zone a screen reads its schedules in: its own IANA zone, or the controller's default.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useDetailMessages } from './detail-messages.ts';
import { screenKeys } from './screens-api.ts';

/** Select's value for "no zone of its own". */
const DEFAULT_ZONE = '';

function knownZones(): string[] {
  // Every zone the browser knows; the server checks the choice again against its own list.
  const supported = (Intl as { supportedValuesOf?: (key: 'timeZone') => string[] }).supportedValuesOf?.('timeZone');
  return supported ?? ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'UTC'];
}

export function TimeZoneSetting({ screenId, timeZone, defaultZone }: { screenId: string; timeZone: string | null; defaultZone: string | null }) {
  const m = useDetailMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string>(timeZone ?? DEFAULT_ZONE);
  const options = useMemo(() => [{ value: DEFAULT_ZONE, label: defaultZone ? format(m.timeZoneDefaultKnown, { zone: defaultZone }) : m.timeZoneDefault }, ...knownZones().map((zone) => ({ value: zone, label: zone }))], [m, defaultZone]);

  const save = useMutation({
    mutationFn: () => api.put<{ timeZone: string; isDefault: boolean }>(`/api/v1/screens/${encodeURIComponent(screenId)}/time-zone`, { timeZone: chosen === DEFAULT_ZONE ? null : chosen }),
    onSuccess: (answer) => {
      void message.success(format(m.timeZoneSaved, { zone: answer.timeZone }));
      void queryClient.invalidateQueries({ queryKey: screenKeys.fleet });
      void queryClient.invalidateQueries({ queryKey: screenKeys.programme(screenId) });
    },
  });

  return (
    <Form layout="vertical">
      <ApiErrorAlert error={save.error} />
      <Form.Item label={m.timeZoneLabel} extra={m.timeZoneHelp} style={{ marginBottom: 0 }}>
        <Space.Compact>
          <Select showSearch value={chosen} onChange={setChosen} options={options} style={{ width: 320 }} data-testid="time-zone-select" />
          <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} disabled={chosen === (timeZone ?? DEFAULT_ZONE)}>{m.timeZoneSave}</Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}
