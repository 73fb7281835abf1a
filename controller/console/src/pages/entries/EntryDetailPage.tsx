// One entry: its fields, where it came from, its withdrawal, the subject's history on this list;
// withdraw it with a reason.

import { ArrowLeftOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { formatTime } from './date-time.ts';
import { useEntryDetail } from './entries-api.ts';
import { useEntriesMessages } from './entries-messages.ts';
import { EntryFacts } from './EntryFacts.tsx';
import { EntryHistory } from './EntryHistory.tsx';
import { ENTRY_STATUS_COLOURS, LIST_COLOURS, useListMessages } from './list-messages.ts';
import { WithdrawModal } from './WithdrawModal.tsx';

export default function EntryDetailPage() {
  const m = useEntriesMessages();
  const l = useListMessages();
  const { entryId = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  // Back to the search as it was (it lives in the address), or to the list when opened by a link.
  const cameFromConsole = useLocation().key !== 'default';
  const detail = useEntryDetail(entryId);
  const [withdrawing, setWithdrawing] = useState(false);

  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => void (cameFromConsole ? navigate(-1) : navigate('/entries'))}>{m.back}</Button>;
  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return <Result status="404" title={m.notFound} subTitle={detail.error.message} extra={<Link to="/entries"><Button>{m.back}</Button></Link>} />;
  }
  if (!detail.data) return detail.error ? <ApiErrorAlert error={detail.error} /> : <Skeleton active paragraph={{ rows: 10 }} />;

  const { entry, withdrawal } = detail.data;
  const mayWithdraw = can('entries.withdraw') && (entry.status === 'approved' || entry.status === 'pending');
  return (
    <>
      <PageHeader
        title={<Space>{entry.subjectName}<Tag color={LIST_COLOURS[entry.list]}>{l[`list.${entry.list}`]}</Tag><Tag color={ENTRY_STATUS_COLOURS[entry.status]}>{l[`entryStatus.${entry.status}`]}</Tag></Space>}
        subtitle={entry.category}
        actions={<>
          {back}
          {mayWithdraw && <Button danger icon={<StopOutlined />} onClick={() => setWithdrawing(true)}>{m.withdraw}</Button>}
        </>}
      />
      {withdrawal && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={format(m.withdrawal, { reason: withdrawal.reason ? l[`withdrawalReason.${withdrawal.reason}`] : '—' })}
          description={<>
            <div>{format(m.withdrawalBy, { name: withdrawal.byName ?? m.someone, at: formatTime(withdrawal.at) })}</div>
            {withdrawal.note && <div>{format(m.note, { note: withdrawal.note })}</div>}
          </>}
          data-testid="withdrawal"
        />
      )}
      <Row gutter={16}>
        <Col span={16}>
          <Card title={m.facts}><EntryFacts detail={detail.data} /></Card>
        </Col>
        <Col span={8}>
          <Card title={m.history}><EntryHistory entryId={entry.id} history={detail.data.history} /></Card>
        </Col>
      </Row>
      <WithdrawModal entryId={entry.id} subjectName={entry.subjectName} open={withdrawing} onClose={() => setWithdrawing(false)} />
    </>
  );
}
