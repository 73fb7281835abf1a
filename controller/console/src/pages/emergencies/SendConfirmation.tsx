// The last step before a notice goes out: how many screens it reaches now (and how many are
// online), what it says, and that it is audited; only then "立即发布".

import { ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Modal, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useReach } from './emergency-api.ts';
import type { EmergencyDraft } from './emergency-draft.ts';
import { useEmergencyMessages } from './emergency-messages.ts';

interface SendConfirmationProps {
  draft: EmergencyDraft;
  /** what the screens will show, as the form previews it */
  preview: ReactNode;
  /** the target in words (all screens, or the groups' names) */
  targetText: string;
  sending: boolean;
  sendError: unknown;
  onSend: () => void;
  onBack: () => void;
}

export function SendConfirmation({ draft, preview, targetText, sending, sendError, onSend, onBack }: SendConfirmationProps) {
  const m = useEmergencyMessages();
  const reach = useReach(draft, true);
  const r = reach.data;
  return (
    <Modal
      open
      title={<><ExclamationCircleFilled style={{ color: '#b3261e', marginRight: 8 }} />{m.confirmTitle}</>}
      okText={m.confirmSend}
      cancelText={m.confirmBack}
      okButtonProps={{ danger: true, disabled: !r, loading: sending }}
      onOk={onSend}
      onCancel={onBack}
      width={620}
      data-testid="send-confirmation"
    >
      <ApiErrorAlert error={reach.error ?? sendError} />
      {!r ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : (
        <div data-testid="reach">
          <Typography.Title level={4} style={{ marginTop: 8, marginBottom: 4 }}>{format(m.confirmReach, { screens: r.screens })}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{targetText}</Typography.Paragraph>
          {r.screens === 0 ? (
            <Alert type="warning" showIcon title={m.confirmNoScreens} />
          ) : (
            <Typography.Paragraph>{r.connected === r.screens ? format(m.confirmAllOnline, { screens: r.screens }) : format(m.confirmConnected, { connected: r.connected, offline: r.screens - r.connected })}</Typography.Paragraph>
          )}
        </div>
      )}
      <div style={{ margin: '16px 0' }}>{preview}</div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{m.confirmAudit}</Typography.Paragraph>
    </Modal>
  );
}
