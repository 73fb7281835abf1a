// Screens showing a pairing code right now, so the technician can check the code they read off the screen.

import { useQuery } from '@tanstack/react-query';
import { Button, List, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { screenKeys, type PendingPairing } from './screens-api.ts';
import { useScreensMessages } from './screens-messages.ts';
import { fromNow } from './units.ts';

/** A waiting screen appears within this long of showing its code. */
const PAIRINGS_REFRESH_MS = 3_000;

export function PendingPairings({ onUse }: { onUse: (code: string) => void }) {
  const m = useScreensMessages();
  const pairings = useQuery({ queryKey: screenKeys.pairings, queryFn: async () => (await api.get<{ items: PendingPairing[] }>('/api/v1/screens/pairings')).items, refetchInterval: PAIRINGS_REFRESH_MS });
  if (pairings.isError) return <ApiErrorAlert error={pairings.error} />;
  const now = Date.now();
  return (
    <List<PendingPairing>
      size="small"
      bordered
      loading={pairings.isPending}
      header={<Typography.Text strong>{m.pendingTitle}</Typography.Text>}
      locale={{ emptyText: m.pendingEmpty }}
      dataSource={pairings.data ?? []}
      data-testid="pending-pairings"
      renderItem={(pairing) => (
        <List.Item actions={[<Button key="use" size="small" onClick={() => onUse(pairing.code)}>{m.pendingUse}</Button>]}>
          <List.Item.Meta
            title={<Typography.Text code style={{ fontSize: 16, letterSpacing: 2 }}>{pairing.code}</Typography.Text>}
            description={[pairing.remoteAddress ? format(m.pendingFrom, { address: pairing.remoteAddress }) : null, format(m.pendingExpires, { when: fromNow(pairing.expiresAt, now) })].filter(Boolean).join(' · ')}
          />
        </List.Item>
      )}
    />
  );
}
