// One screen for a technician: status, 24 h health charts, what it shows now with its last screenshot, remote commands and their results, time zone, revocation.

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { CommandPanel } from './CommandPanel.tsx';
import { ConditionBadge } from './ConditionBadge.tsx';
import { useDetailMessages } from './detail-messages.ts';
import { conditionOf, problemOf } from './fleet-filter.ts';
import { HealthHistory } from './HealthHistory.tsx';
import { OnScreenNow } from './OnScreenNow.tsx';
import { RevokeButton } from './RevokeButton.tsx';
import { useCommandHistory, useFleet, useScreenProgramme } from './screens-api.ts';
import { StatusPanel } from './StatusPanel.tsx';
import { TimeZoneSetting } from './TimeZoneSetting.tsx';
import { formatTime } from './units.ts';

export default function ScreenDetailPage() {
  const m = useDetailMessages();
  const { can } = useSession();
  const screenId = useParams().screenId ?? '';
  const fleet = useFleet();
  const commands = useCommandHistory(screenId, can('screens.commands.read'));
  const programme = useScreenProgramme(screenId, can('programme.read'));

  const back = <Link to="/screens"><Button icon={<ArrowLeftOutlined />}>{m.back}</Button></Link>;
  if (fleet.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (fleet.isError) return <ApiErrorAlert error={fleet.error} />;
  const screen = fleet.data.items.find((s) => s.id === screenId);
  if (!screen) return <Result status="404" title={m.notFound} subTitle={m.notFoundHint} extra={back} />;

  const now = fleet.dataUpdatedAt || Date.now();
  const currentVersion = fleet.data.convergence.manifestVersion;
  const condition = conditionOf(screen, currentVersion, now);
  const revoked = screen.revokedAt !== null;
  // The programme answer is in the screen's effective zone: with no zone of its own, that is the default.
  const defaultZone = screen.timeZone === null ? (programme.data?.timeZone ?? null) : null;

  return (
    <>
      <PageHeader
        title={<Space size={12}>{screen.name}<ConditionBadge condition={condition} /></Space>}
        subtitle={screen.id}
        actions={<>{back}{can('screens.revoke') && !revoked && <RevokeButton screen={screen} />}</>}
      />
      {revoked && <Alert type="warning" showIcon title={format(m.revokedBanner, { when: formatTime(screen.revokedAt) })} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <StatusPanel screen={screen} condition={condition} problem={problemOf(screen, currentVersion, now)} currentVersion={currentVersion} now={now} defaultTimeZone={defaultZone} />
        </Col>
        <Col xs={24} xl={9}>
          <OnScreenNow onScreen={condition === 'offline' ? null : screen.health?.onScreen} commands={commands.data} programme={programme.data} now={now} />
        </Col>
        <Col span={24}>
          <HealthHistory screenId={screen.id} allowed={can('screens.health')} />
        </Col>
        {can('screens.commands.read') && (
          <Col span={24}>
            <CommandPanel screen={{ id: screen.id, name: screen.name, revoked }} commands={commands} />
          </Col>
        )}
        {can('screens.configure') && !revoked && (
          <Col span={24}>
            <Card title={m.settingsTitle} size="small">
              <TimeZoneSetting key={screen.timeZone ?? ''} screenId={screen.id} timeZone={screen.timeZone} defaultZone={defaultZone} />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
