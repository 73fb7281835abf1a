// Proof of play for auditors: what each screen played, when and for how long, filtered by screen,
// content and period; totals per screen and content, every play, and the CSV export.

import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PlayEventsTable } from './PlayEventsTable.tsx';
import { PlayFilters, type PlayFilterState } from './PlayFilters.tsx';
import { PlaySummary } from './PlaySummary.tsx';
import { usePlayEvents, usePlayTotals, type PlayFilter } from './proof-of-play-api.ts';
import { useProofOfPlayMessages } from './proof-of-play-messages.ts';
import { instantWindow } from './report-format.ts';

function filterOf(state: PlayFilterState): PlayFilter {
  return { ...(state.screenId ? { screenId: state.screenId } : {}), ...(state.contentId ? { contentId: state.contentId } : {}), ...instantWindow(state.range) };
}

export default function ProofOfPlayPage() {
  const m = useProofOfPlayMessages();
  // A week by default: a city's screens record tens of thousands of plays a day.
  const [state, setState] = useState<PlayFilterState>(() => ({ screenId: null, contentId: null, range: [dayjs().subtract(6, 'day').startOf('day'), dayjs().endOf('day')] }));
  const filter = filterOf(state);
  const totals = usePlayTotals(filter);
  const events = usePlayEvents(filter);
  const plays = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <PlayFilters value={state} filter={filter} onChange={setState} />
      <ApiErrorAlert error={totals.error ?? events.error} />
      <PlaySummary totals={totals.data} loading={totals.isLoading} />
      <PlayEventsTable plays={plays} loading={events.isLoading} hasMore={events.hasNextPage} loadingMore={events.isFetchingNextPage} onMore={() => void events.fetchNextPage()} />
    </>
  );
}
