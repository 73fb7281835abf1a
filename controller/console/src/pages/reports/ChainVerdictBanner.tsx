// The audit chain's verification, shown before anything else on the page: green with the number of
// events verified, or red naming the first event where the chain breaks and why.

import { ReloadOutlined, SafetyCertificateFilled, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { format } from '../../i18n/messages.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useAuditEvent, useChainVerdict } from './audit-api.ts';
import { useAuditLabels } from './audit-labels.ts';
import { useAuditMessages } from './audit-messages.ts';
import { formatInstant } from './report-format.ts';

export function ChainVerdictBanner() {
  const m = useAuditMessages();
  const labels = useAuditLabels();
  const verdict = useChainVerdict();
  const broken = verdict.data && !verdict.data.ok ? verdict.data : null;
  const brokenEvent = useAuditEvent(broken?.brokenAtSeq ?? null);
  const again = <Button size="small" icon={<ReloadOutlined />} loading={verdict.isFetching} onClick={() => void verdict.refetch()}>{m.verifyAgain}</Button>;
  if (verdict.error) return <ApiErrorAlert error={verdict.error} />;
  if (!verdict.data) return <Alert type="info" showIcon title={m.chainChecking} style={{ marginBottom: 16 }} />;
  if (verdict.data.ok) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<SafetyCertificateFilled />}
        style={{ marginBottom: 16 }}
        title={<Typography.Text strong data-testid="chain-verdict">{format(m.chainOk, { count: verdict.data.events.toLocaleString() })}</Typography.Text>}
        description={<Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>{format(m.chainOkDetail, { hash: verdict.data.headHash })}</Typography.Text>}
        action={again}
      />
    );
  }
  const event = brokenEvent.data;
  return (
    <Alert
      type="error"
      showIcon
      icon={<WarningFilled />}
      style={{ marginBottom: 16 }}
      title={<Typography.Text strong data-testid="chain-verdict">{format(m.chainBroken, { seq: verdict.data.brokenAtSeq })}</Typography.Text>}
      description={format(m.chainBrokenDetail, {
        action: event ? labels.action(event.action) : '—',
        time: formatInstant(event?.at),
        actor: event ? labels.actor(event) : '—',
        reason: verdict.data.reason,
      })}
      action={again}
    />
  );
}
