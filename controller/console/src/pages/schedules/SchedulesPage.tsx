// Schedules: which playlist plays on which screen groups, on which days and hours, between which
// dates and at which priority. A week calendar draws them; conflicts are marked there and listed.

import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, DatePicker, Flex, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { addDays } from '../../../../../shared/schedules/zoned-time.ts';
import { api } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { PROGRAMME_KEYS, usePlaylists, useSchedules, useScreenGroups } from '../playlists/programme-api.ts';
import { useProgrammeMessages } from '../playlists/programme-messages.ts';
import { ConflictList } from './ConflictList.tsx';
import { listedSchedules, plannedSchedules, type ListedSchedule, type PlannedSchedule } from './planned-schedules.ts';
import { playlistColours } from './playlist-colours.ts';
import { ScheduleFormDrawer } from './ScheduleFormDrawer.tsx';
import { ScheduleTable } from './ScheduleTable.tsx';
import { useScheduleMessages } from './schedules-messages.ts';
import { WeekCalendar } from './WeekCalendar.tsx';
import { mondayOf, scheduleConflicts } from './week-calendar.ts';

export default function SchedulesPage() {
  const m = useScheduleMessages();
  const pm = useProgrammeMessages();
  const { user, can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const schedules = useSchedules();
  const playlists = usePlaylists();
  const groups = useScreenGroups();
  const today = dayjs().format('YYYY-MM-DD');
  const [monday, setMonday] = useState(() => mondayOf(today));
  const [groupFilter, setGroupFilter] = useState<string | null>(null);
  // undefined: the form is closed; null: a new schedule.
  const [editing, setEditing] = useState<ListedSchedule | null | undefined>(undefined);

  const planned = useMemo(() => plannedSchedules(schedules.data ?? []), [schedules.data]);
  const conflicts = useMemo(() => scheduleConflicts(planned.map((schedule) => schedule.calendar), today), [planned, today]);
  const shown = useMemo(() => (groupFilter ? planned.filter((schedule) => schedule.document.screenGroupIds.includes(groupFilter)) : planned), [planned, groupFilter]);
  const listed = useMemo(() => listedSchedules(schedules.data ?? []).filter((schedule) => !groupFilter || schedule.document?.screenGroupIds.includes(groupFilter)), [schedules.data, groupFilter]);
  const shownIds = new Set(shown.map((schedule) => schedule.row.id));
  const shownConflicts = conflicts.filter((conflict) => conflict.scheduleIds.every((id) => shownIds.has(id)));
  const conflicted = new Set(conflicts.flatMap((conflict) => conflict.scheduleIds));
  const colours = useMemo(() => playlistColours((playlists.data ?? []).map((row) => row.id)), [playlists.data]);

  const playlistName = useCallback((id: string) => playlists.data?.find((row) => row.id === id)?.name ?? format(pm.unknownPlaylist, { id: id.slice(0, 8) }), [playlists.data, pm]);
  const groupName = useCallback((id: string) => groups.data?.find((group) => group.id === id)?.name ?? id.slice(0, 8), [groups.data]);
  const groupNames = useCallback((ids: readonly string[]) => ids.map(groupName).join('、'), [groupName]);
  const scheduleName = useCallback((id: string) => planned.find((schedule) => schedule.row.id === id)?.row.name ?? format(pm.unknownSchedule, { id: id.slice(0, 8) }), [planned, pm]);
  const usedPlaylists = [...new Set(shown.map((schedule) => schedule.document.playlistId))];

  const retire = useMutation({
    mutationFn: (schedule: ListedSchedule) => api.post(`/api/v1/schedules/${schedule.row.id}/retire`, {}),
    onSuccess: async (_, schedule) => {
      await queryClient.invalidateQueries({ queryKey: PROGRAMME_KEYS.schedules });
      void message.success(format(m.retired, { name: schedule.row.name }));
    },
  });
  const open = (schedule: PlannedSchedule) => {
    const heldByOther = schedule.row.pendingBy !== null && schedule.row.pendingBy !== user.id;
    if (can('programme.edit') && !heldByOther) setEditing(schedule);
  };

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        actions={can('programme.edit') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="new-schedule">{m.create}</Button>}
      />
      <ApiErrorAlert error={schedules.error ?? playlists.error ?? groups.error ?? retire.error} />
      {!schedules.isLoading && <ConflictList conflicts={shownConflicts} scheduleName={scheduleName} groupNames={groupNames} onShowWeek={(date) => setMonday(mondayOf(date))} />}
      <Card size="small" style={{ marginBottom: 16 }} loading={schedules.isLoading}>
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
          <Space>
            <Button icon={<LeftOutlined />} aria-label={m.previousWeek} onClick={() => setMonday(addDays(monday, -7))} />
            <Button onClick={() => setMonday(mondayOf(today))}>{m.thisWeek}</Button>
            <Button icon={<RightOutlined />} aria-label={m.nextWeek} onClick={() => setMonday(addDays(monday, 7))} />
            <Typography.Text strong data-testid="week-range">{format(m.weekRange, { from: monday, to: addDays(monday, 6).slice(5) })}</Typography.Text>
            <DatePicker allowClear={false} value={dayjs(monday)} onChange={(date) => date && setMonday(mondayOf(date.format('YYYY-MM-DD')))} placeholder={m.jumpTo} style={{ width: 140 }} />
          </Space>
          <Select allowClear placeholder={m.allGroups} style={{ width: 220 }} value={groupFilter} onChange={(value) => setGroupFilter(value ?? null)} options={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))} />
        </Flex>
        <WeekCalendar monday={monday} today={today} schedules={shown} colours={colours} playlistName={playlistName} groupNames={groupNames} onOpen={open} />
        <Flex gap={16} wrap style={{ marginTop: 10 }}>
          {usedPlaylists.map((id) => <Badge key={id} color={colours.get(id)} text={playlistName(id)} />)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.legend}</Typography.Text>
        </Flex>
      </Card>
      <Card size="small" title={m.allSchedules}>
        <ScheduleTable
          schedules={listed}
          loading={schedules.isLoading}
          colours={colours}
          conflicted={conflicted}
          retiringId={retire.isPending ? (retire.variables?.row.id ?? null) : null}
          playlistName={playlistName}
          groupName={groupName}
          onEdit={setEditing}
          onRetire={(schedule) => retire.mutate(schedule)}
          emptyAction={listed.length === 0 && can('programme.edit') ? <Button icon={<PlusOutlined />} onClick={() => setEditing(null)}>{m.createFirst}</Button> : undefined}
        />
      </Card>
      {editing !== undefined && <ScheduleFormDrawer editing={editing} others={planned} playlists={playlists.data ?? []} groups={groups.data ?? []} today={today} onClose={() => setEditing(undefined)} />}
    </>
  );
}
