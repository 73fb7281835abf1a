// The audit log's filters: who (part of a username or name), which action, and which days.

import { ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useAuditActions } from './audit-api.ts';
import { useAuditLabels } from './audit-labels.ts';
import { useAuditMessages } from './audit-messages.ts';
import { FilterSelect } from './FilterSelect.tsx';

export interface AuditFilterState {
  actor: string;
  action: string | null;
  range: [Dayjs, Dayjs] | null;
}

export const NO_AUDIT_FILTER: AuditFilterState = { actor: '', action: null, range: null };

export function AuditFilters({ value, onChange }: { value: AuditFilterState; onChange: (next: AuditFilterState) => void }) {
  const m = useAuditMessages();
  const labels = useAuditLabels();
  const actions = useAuditActions();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="audit-filters">
      <Input.Search
        allowClear
        style={{ width: 260 }}
        placeholder={m.filterActor}
        aria-label={m.filterActor}
        defaultValue={value.actor}
        key={value.actor === '' ? 'empty' : 'set'}
        onSearch={(actor) => onChange({ ...value, actor: actor.trim() })}
        data-testid="audit-actor"
      />
      <FilterSelect
        width={240}
        placeholder={m.allActions}
        label={m.filterAction}
        loading={actions.isLoading}
        value={value.action}
        onChange={(action) => onChange({ ...value, action })}
        options={(actions.data ?? []).map((action) => ({ value: action, label: labels.action(action) }))}
        testId="audit-action"
      />
      <DatePicker.RangePicker value={value.range} onChange={(range) => onChange({ ...value, range: range?.[0] && range[1] ? [range[0], range[1]] : null })} />
      <Button icon={<ReloadOutlined />} onClick={() => onChange(NO_AUDIT_FILTER)}>{m.reset}</Button>
    </Flex>
  );
}
