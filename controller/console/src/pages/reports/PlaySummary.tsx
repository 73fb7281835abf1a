// Totals for the filters: plays and time on screen overall, then per screen and content.

import { Alert, Card, Col, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { useLocale } from '../../i18n/locale.tsx';
import { format } from '../../i18n/messages.ts';
import { usePlayLabels } from './play-labels.ts';
import type { PlayTotals, PlayTotalsRow } from './proof-of-play-api.ts';
import { useProofOfPlayMessages } from './proof-of-play-messages.ts';
import { formatInstant, formatSpan } from './report-format.ts';

export function PlaySummary({ totals, loading }: { totals: PlayTotals | undefined; loading: boolean }) {
  const m = useProofOfPlayMessages();
  const { locale } = useLocale();
  const labels = usePlayLabels();
  const rows = totals?.items ?? [];
  const columns: TableColumnsType<PlayTotalsRow> = [
    { title: m.colScreen, key: 'screen', render: (_, r) => labels.screen(r.screenName), sorter: (a, b) => (a.screenName ?? '').localeCompare(b.screenName ?? '', 'zh-CN') },
    { title: m.colContent, key: 'content', render: (_, r) => labels.content(r.contentId, r.contentTitle) },
    { title: m.colKind, key: 'kind', width: 90, render: (_, r) => labels.kind(r.kind) },
    { title: m.colPlays, dataIndex: 'plays', width: 110, align: 'right', sorter: (a, b) => a.plays - b.plays },
    { title: m.colShown, key: 'shown', width: 170, align: 'right', render: (_, r) => formatSpan(r.shownMs, locale), sorter: (a, b) => a.shownMs - b.shownMs, defaultSortOrder: 'descend' },
    { title: m.colFirst, key: 'first', width: 180, render: (_, r) => formatInstant(r.firstStartedAt) },
    { title: m.colLast, key: 'last', width: 180, render: (_, r) => formatInstant(r.lastEndedAt) },
  ];
  return (
    <Card title={m.summaryHeading} size="small" style={{ marginBottom: 16 }}>
      <Row gutter={16} style={{ marginBottom: 16 }} data-testid="play-stats">
        <Col span={6}><Statistic title={m.statPlays} value={totals?.plays ?? 0} loading={loading} /></Col>
        <Col span={6}><Statistic title={m.statShown} value={formatSpan(totals?.shownMs ?? 0, locale)} loading={loading} /></Col>
        <Col span={6}><Statistic title={m.statScreens} value={new Set(rows.map((r) => r.screenId)).size} loading={loading} /></Col>
        <Col span={6}><Statistic title={m.statContent} value={new Set(rows.map((r) => r.contentId)).size} loading={loading} /></Col>
      </Row>
      {totals?.truncated && <Alert type="warning" showIcon title={format(m.truncated, { count: rows.length })} style={{ marginBottom: 12 }} />}
      <Table<PlayTotalsRow>
        rowKey={(r) => `${r.screenId}\u0000${r.contentId}`}
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: m.noPlays }}
        data-testid="play-summary"
      />
    </Card>
  );
}
