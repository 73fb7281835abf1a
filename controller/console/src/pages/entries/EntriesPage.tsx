// The searchable list of every entry (a million and more): the search and filters live in the
// address, the server pages, sorts and counts; a row opens the entry with its history.

import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useEntrySearch } from './entries-api.ts';
import { useEntriesMessages } from './entries-messages.ts';
import { EntryFilters } from './EntryFilters.tsx';
import { apiQuery, hasFilters, paramsFromQuery, queryFromParams, withFilters, type EntryQuery } from './entry-query.ts';
import { EntryTable } from './EntryTable.tsx';
import { ExportButtons } from './ExportButtons.tsx';

export default function EntriesPage() {
  const m = useEntriesMessages();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const search = useEntrySearch(useMemo(() => apiQuery(query), [query]));
  const show = (next: EntryQuery) => setParams(paramsFromQuery(next), { replace: true });

  // Categories met in results so far, as the category filter's suggestions (there is no category list to ask for).
  const categories = useRef(new Set<string>());
  for (const item of search.data?.items ?? []) categories.current.add(item.category);

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} actions={<ExportButtons />} />
      <EntryFilters query={query} onChange={(change) => show(withFilters(query, change))} knownCategories={[...categories.current].sort()} />
      <ApiErrorAlert error={search.error} />
      <EntryTable
        query={query}
        result={search.data}
        loading={search.isFetching}
        emptyText={hasFilters(query) || query.q !== '' ? m.empty : m.emptyNoFilters}
        onPage={(change) => show({ ...query, ...change })}
      />
    </>
  );
}
