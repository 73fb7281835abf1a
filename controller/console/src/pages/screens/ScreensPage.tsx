// Technicians' board of every screen: condition, group, content version, what it shows; filters, cards or table, pairing by code. Refreshes every 5 s.

import { LinkOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { boardRows } from './board-row.ts';
import { FleetFilterBar, type BoardView } from './FleetFilterBar.tsx';
import { countByCondition, filterScreens, groupNamesByScreen, type FleetFilter } from './fleet-filter.ts';
import { PairScreenModal } from './PairScreenModal.tsx';
import { ScreenCard } from './ScreenCard.tsx';
import { useFleet, useScreenGroups } from './screens-api.ts';
import { useScreensMessages } from './screens-messages.ts';
import { ScreenTable } from './ScreenTable.tsx';
import { fromNow } from './units.ts';

const NO_FILTER: FleetFilter = { condition: 'all', groupId: null, text: '' };

export default function ScreensPage() {
  const m = useScreensMessages();
  const { can } = useSession();
  const fleet = useFleet();
  const groups = useScreenGroups();
  const [filter, setFilter] = useState<FleetFilter>(NO_FILTER);
  const [view, setView] = useState<BoardView>('cards');
  const [pairing, setPairing] = useState(false);
  // A technician goes from the board to a screen's page; its charts are the heaviest chunk, so fetch it while they look.
  useEffect(() => {
    void import('./ScreenDetailPage.tsx');
  }, []);

  // The board's clock is the moment of the last answer, so every card is judged at the same instant.
  const now = fleet.dataUpdatedAt || Date.now();
  const currentVersion = fleet.data?.convergence.manifestVersion ?? 0;
  const groupMembers = useMemo(() => new Map((groups.data ?? []).map((g) => [g.id, new Set(g.screenIds)])), [groups.data]);
  const rows = useMemo(() => boardRows(fleet.data?.items ?? [], groupNamesByScreen(groups.data), currentVersion, now), [fleet.data, groups.data, currentVersion, now]);
  const counts = useMemo(() => countByCondition(rows, currentVersion, now), [rows, currentVersion, now]);
  const shown = useMemo(() => filterScreens(rows, filter, { currentVersion, now, groupMembers }), [rows, filter, currentVersion, now, groupMembers]);

  const convergence = fleet.data?.convergence;
  const subtitleTemplate = currentVersion === 0 ? m.subtitleNoPublish : convergence?.total === 0 ? m.subtitleNoScreens : m.subtitle;
  const subtitle = convergence && format(subtitleTemplate, { total: convergence.total, version: `v${currentVersion}`, converged: convergence.converged });

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={subtitle}
        actions={can('screens.adopt') && <Button type="primary" icon={<LinkOutlined />} onClick={() => setPairing(true)} data-testid="pair-screen">{m.pair}</Button>}
      />
      <ApiErrorAlert error={fleet.error ?? groups.error} />
      <FleetFilterBar filter={filter} onFilter={setFilter} counts={counts} groups={groups.data ?? []} view={view} onView={setView} />
      {fleet.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : rows.length === 0 ? (
        <Card><Empty description={<><Typography.Text strong>{m.emptyFleet}</Typography.Text><br /><Typography.Text type="secondary">{m.emptyFleetHint}</Typography.Text></>} /></Card>
      ) : shown.length === 0 ? (
        <Card><Empty description={m.emptyFiltered}><Button onClick={() => setFilter(NO_FILTER)}>{m.clearFilters}</Button></Empty></Card>
      ) : view === 'cards' ? (
        <Row gutter={[16, 16]}>
          {shown.map((screen) => (
            <Col key={screen.id} xs={24} md={12} xl={8} xxl={6}>
              <ScreenCard screen={screen} currentVersion={currentVersion} now={now} />
            </Col>
          ))}
        </Row>
      ) : (
        <ScreenTable rows={shown} currentVersion={currentVersion} now={now} />
      )}
      {fleet.dataUpdatedAt > 0 && <Typography.Text type="secondary" style={{ display: 'block', marginTop: 16, fontSize: 12 }}>{format(m.refreshedAt, { when: fromNow(fleet.dataUpdatedAt, Date.now()) })}</Typography.Text>}
      {can('screens.adopt') && <PairScreenModal open={pairing} onClose={() => setPairing(false)} groups={groups.data ?? []} />}
    </>
  );
}
