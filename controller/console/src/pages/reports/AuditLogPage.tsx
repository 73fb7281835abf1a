// The audit log for auditors: the hash chain's verification first, then every event newest first,
// filtered by actor, action and date, each opening to its details.

import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useAuditEvents, type AuditFilter } from './audit-api.ts';
import { AuditEventTable } from './AuditEventTable.tsx';
import { AuditFilters, NO_AUDIT_FILTER, type AuditFilterState } from './AuditFilters.tsx';
import { useAuditMessages } from './audit-messages.ts';
import { ChainVerdictBanner } from './ChainVerdictBanner.tsx';
import { dayWindow } from './report-format.ts';

function filterOf(state: AuditFilterState): AuditFilter {
  return { ...(state.actor ? { actor: state.actor } : {}), ...(state.action ? { action: state.action } : {}), ...dayWindow(state.range) };
}

export default function AuditLogPage() {
  const m = useAuditMessages();
  const [state, setState] = useState<AuditFilterState>(NO_AUDIT_FILTER);
  const events = useAuditEvents(filterOf(state));
  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <ChainVerdictBanner />
      <AuditFilters value={state} onChange={setState} />
      <ApiErrorAlert error={events.error} />
      <AuditEventTable
        events={events.data?.pages.flatMap((p) => p.items) ?? []}
        loading={events.isLoading}
        hasMore={events.hasNextPage}
        loadingMore={events.isFetchingNextPage}
        onMore={() => void events.fetchNextPage()}
      />
    </>
  );
}
