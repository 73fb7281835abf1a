// The approvers' review queue: list changes, content, playlists and schedules awaiting a second
// person, each tab with its count; an item opens in a drawer with its diff and the verdict.
// The open tab and item live in the address (?tab=…&open=…), so a review can be linked and reloaded.

import { Badge, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ChangeSetReview } from './ChangeSetReview.tsx';
import { ChangeSetsTab } from './ChangeSetsTab.tsx';
import { ContentReview } from './ContentReview.tsx';
import { ContentTab } from './ContentTab.tsx';
import { PlaylistReview } from './PlaylistReview.tsx';
import { ProgrammeTab } from './ProgrammeTab.tsx';
import { useReviewQueue } from './review-api.ts';
import { useReviewMessages } from './review-messages.ts';
import { ScheduleReview } from './ScheduleReview.tsx';

const TABS = ['change-sets', 'content', 'playlists', 'schedules'] as const;
type Tab = (typeof TABS)[number];

function TabLabel({ text, count }: { text: string; count: number | undefined }) {
  return (
    <Space size={6}>
      {text}
      <Badge count={count ?? 0} showZero overflowCount={999} color={count ? '#b3261e' : '#bfbfbf'} />
    </Space>
  );
}

export default function ReviewsPage() {
  const m = useReviewMessages();
  const queue = useReviewQueue();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'change-sets';
  const openId = params.get('open');
  const open = (id: string) => setParams({ tab, open: id });
  const close = () => setParams({ tab });
  const q = queue.data;
  const loading = queue.isLoading;

  const openContent = tab === 'content' && openId ? q?.content.find((c) => c.id === openId) : undefined;
  const openPlaylist = tab === 'playlists' && openId ? q?.playlists.find((p) => p.id === openId) : undefined;
  const openSchedule = tab === 'schedules' && openId ? q?.schedules.find((s) => s.id === openId) : undefined;

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <ApiErrorAlert error={queue.error} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'change-sets', label: <TabLabel text={m.tabChangeSets} count={q?.counts.changeSets} />, children: <ChangeSetsTab pending={q?.changeSets ?? []} loading={loading} onOpen={open} /> },
          { key: 'content', label: <TabLabel text={m.tabContent} count={q?.counts.content} />, children: <ContentTab items={q?.content ?? []} loading={loading} onOpen={open} /> },
          { key: 'playlists', label: <TabLabel text={m.tabPlaylists} count={q?.counts.playlists} />, children: <ProgrammeTab items={q?.playlists ?? []} loading={loading} onOpen={open} testId="playlist-table" /> },
          { key: 'schedules', label: <TabLabel text={m.tabSchedules} count={q?.counts.schedules} />, children: <ProgrammeTab items={q?.schedules ?? []} loading={loading} onOpen={open} testId="schedule-table" /> },
        ]}
      />
      {tab === 'change-sets' && openId && <ChangeSetReview key={openId} id={openId} onClose={close} />}
      {openContent && <ContentReview key={openContent.id} item={openContent} onClose={close} />}
      {openPlaylist && <PlaylistReview key={openPlaylist.id} playlist={openPlaylist} onClose={close} />}
      {openSchedule && <ScheduleReview key={openSchedule.id} schedule={openSchedule} onClose={close} />}
    </>
  );
}
