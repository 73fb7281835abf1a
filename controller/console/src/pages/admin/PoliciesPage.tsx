// Category policies (admin): the default, and each category's masking of a person's name and ID
// number and its publication period (公示期), with what a screen would show.

import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatInstant } from '../reports/report-format.ts';
import { useCategoryPolicies, type CategoryPolicyRow } from './policies-api.ts';
import { usePoliciesMessages } from './policies-messages.ts';
import { PolicyFormModal } from './PolicyFormModal.tsx';
import { usePolicyLabels } from './policy-labels.ts';
import { maskedSample, type CategoryPolicy } from './policy-preview.ts';

const FALLBACK: CategoryPolicy = { nameDisplay: 'surname', idKeepStart: 6, idKeepEnd: 4, publicationMonths: null };

function Example({ policy }: { policy: CategoryPolicy }) {
  const sample = maskedSample(policy);
  return (
    <Flex vertical>
      <Typography.Text>{sample.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>{sample.idNumber}</Typography.Text>
    </Flex>
  );
}

export default function PoliciesPage() {
  const m = usePoliciesMessages();
  const labels = usePolicyLabels();
  const policies = useCategoryPolicies();
  const [editing, setEditing] = useState<CategoryPolicyRow | 'new' | null>(null);
  const fallback = policies.data?.default ?? FALLBACK;
  const rows = policies.data?.categories ?? [];

  const columns: TableColumnsType<CategoryPolicyRow> = [
    { title: m.colCategory, key: 'category', render: (_, p) => <Typography.Text strong>{p.category}</Typography.Text> },
    { title: m.colName, key: 'name', width: 130, render: (_, p) => labels.name(p) },
    { title: m.colId, key: 'id', width: 190, render: (_, p) => labels.id(p) },
    { title: m.colPeriod, key: 'period', width: 150, render: (_, p) => labels.period(p) },
    { title: m.colExample, key: 'example', width: 210, render: (_, p) => <Example policy={p} /> },
    { title: m.colUpdated, key: 'updated', width: 180, render: (_, p) => formatInstant(p.updatedAt) },
    { title: m.colActions, key: 'actions', width: 90, render: (_, p) => <Button size="small" onClick={() => setEditing(p)}>{m.edit}</Button> },
  ];

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} actions={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{m.newPolicy}</Button>} />
      <ApiErrorAlert error={policies.error} />
      <Card size="small" title={m.defaultHeading} style={{ marginBottom: 16 }} loading={policies.isLoading}>
        <Typography.Paragraph type="secondary">{m.defaultHelp}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={4}
          items={[
            { key: 'name', label: m.colName, children: labels.name(fallback) },
            { key: 'id', label: m.colId, children: labels.id(fallback) },
            { key: 'period', label: m.colPeriod, children: labels.period(fallback) },
            { key: 'example', label: m.colExample, children: <Example policy={fallback} /> },
          ]}
        />
      </Card>
      <Card size="small" title={m.categoriesHeading}>
        <Table<CategoryPolicyRow> rowKey="category" size="middle" columns={columns} dataSource={rows} loading={policies.isLoading} pagination={false} locale={{ emptyText: m.empty }} data-testid="policies-table" />
      </Card>
      {editing !== null && <PolicyFormModal policy={editing === 'new' ? null : editing} fallback={fallback} taken={rows.map((r) => r.category)} onClose={() => setEditing(null)} />}
    </>
  );
}
