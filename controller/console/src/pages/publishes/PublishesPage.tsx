// Per publish, how many screens run it ("1,998 / 2,000 屏幕已更新到版本 42") and who is behind and why. Refreshes every 5 s.

import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { BehindTable } from './BehindTable.tsx';
import { ConvergenceCard } from './ConvergenceCard.tsx';
import { usePublishes } from './publishes-api.ts';
import { usePublishesMessages } from './publishes-messages.ts';
import { RecentPublishes } from './RecentPublishes.tsx';

export default function PublishesPage() {
  const m = usePublishesMessages();
  const publishes = usePublishes();
  const [chosen, setChosen] = useState<number | null>(null);
  const items = publishes.data?.items ?? [];
  const latest = items[0];
  const selected = chosen ?? latest?.version ?? null;

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <ApiErrorAlert error={publishes.error} />
      {publishes.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !latest ? (
        <Card><Empty description={<><Typography.Text strong>{m.noPublish}</Typography.Text><br /><Typography.Text type="secondary">{m.noPublishHint}</Typography.Text></>} /></Card>
      ) : (
        <>
          <ConvergenceCard publish={latest} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <RecentPublishes publishes={items} currentVersion={publishes.data?.currentVersion ?? null} selected={selected} onSelect={setChosen} />
            </Col>
            <Col xs={24} xl={14}>{selected !== null && <BehindTable version={selected} />}</Col>
          </Row>
        </>
      )}
    </>
  );
}
