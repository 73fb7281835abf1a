// Creates a schedule or proposes a change to one: its playlist, target screen groups, days, time
// windows, validity dates and priority. Conflicts with other schedules are shown while editing;
// saving submits for review.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import { format } from '../../i18n/messages.ts';
import type { PlaylistRow, ScreenGroup } from '../playlists/programme-api.ts';
import { PROGRAMME_KEYS } from '../playlists/programme-api.ts';
import { useProgrammeMessages } from '../playlists/programme-messages.ts';
import { SaveErrorAlert } from '../playlists/SaveErrorAlert.tsx';
import type { ListedSchedule, PlannedSchedule } from './planned-schedules.ts';
import { ALL_DAYS, formValuesOf, MAX_PRIORITY, newScheduleValues, scheduleBodyOf, WORKING_DAYS } from './schedule-form.ts';
import { fieldsOf, valuesOf, type Fields } from './schedule-form-fields.ts';
import { ScheduleWindowsField } from './ScheduleWindowsField.tsx';
import { useScheduleMessages } from './schedules-messages.ts';
import { useFormConflicts } from './use-form-conflicts.ts';

interface Props {
  /** null: a new schedule */
  editing: ListedSchedule | null;
  others: readonly PlannedSchedule[];
  playlists: readonly PlaylistRow[];
  groups: readonly ScreenGroup[];
  today: string;
  onClose: () => void;
}

export function ScheduleFormDrawer({ editing, others, playlists, groups, today, onClose }: Props) {
  const m = useScheduleMessages();
  const pm = useProgrammeMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Fields>();
  const initial = useMemo(() => fieldsOf(editing?.document ? formValuesOf(editing.row, editing.document) : { ...newScheduleValues(), name: editing?.row.name ?? '' }), [editing]);
  const watched = Form.useWatch([], form) as Partial<Fields> | undefined;
  const conflicts = useFormConflicts(watched, editing?.row ?? null, others, today);

  const save = useMutation({
    mutationFn: (body: ReturnType<typeof scheduleBodyOf>) => (editing ? api.put(`/api/v1/schedules/${editing.row.id}`, body) : api.post('/api/v1/schedules', body)),
    onSuccess: async (_, body) => {
      await queryClient.invalidateQueries({ queryKey: PROGRAMME_KEYS.schedules });
      void message.success(format(m.submitted, { name: body.name }));
      onClose();
    },
  });
  const submit = async () => {
    const fields = await form.validateFields();
    save.mutate(scheduleBodyOf(valuesOf(fields)));
  };
  const playable = playlists.filter((row) => row.status !== 'retired' && row.status !== 'rejected');

  return (
    <Drawer
      open
      size={640}
      title={editing ? format(m.editTitle, { name: editing.row.name }) : m.createTitle}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{pm.cancel}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="submit-schedule">{m.submitForReview}</Button>
        </Flex>
      }
    >
      {editing?.row.approved && <Alert type="info" showIcon title={m.changeNotice} style={{ marginBottom: 16 }} />}
      <SaveErrorAlert error={save.error} />
      {conflicts.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="form-conflicts" title={m.formConflicts} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{conflicts.map((line) => <li key={line}>{line}</li>)}</ul>} />
      )}
      <Form form={form} layout="vertical" initialValues={initial} requiredMark>
        <Form.Item name="name" label={m.name} rules={[{ required: true, whitespace: true, max: 100, message: m.nameRequired }]}>
          <Input maxLength={100} placeholder={m.namePlaceholder} data-testid="schedule-name" />
        </Form.Item>
        <Form.Item name="playlistId" label={m.playlist} rules={[{ required: true, message: m.playlistRequired }]}>
          <Select
            placeholder={m.playlistPlaceholder}
            data-testid="schedule-playlist"
            showSearch={{ optionFilterProp: 'label' }}
            options={playable.map((row) => ({ value: row.id, label: row.name, approved: row.approved !== null }))}
            optionRender={(option) => <Flex justify="space-between"><span>{option.label}</span>{!option.data.approved && <Tag color="gold">{pm['status.pending']}</Tag>}</Flex>}
          />
        </Form.Item>
        <Form.Item name="screenGroupIds" label={m.groups} rules={[{ required: true, type: 'array', min: 1, message: m.groupsRequired }]} extra={groups.length === 0 ? m.noGroups : undefined}>
          <Select mode="multiple" placeholder={m.groupsPlaceholder} data-testid="schedule-groups" showSearch={{ optionFilterProp: 'label' }} options={groups.map((group) => ({ value: group.id, label: `${group.name}（${format(m.screenCount, { count: group.screenIds.length })}）` }))} />
        </Form.Item>
        <Form.Item label={m.days} required>
          <Flex vertical gap={6}>
            <Form.Item name="weekdays" noStyle rules={[{ required: true, type: 'array', min: 1, message: m.daysRequired }]}>
              <Checkbox.Group options={ALL_DAYS.map((day) => ({ value: day, label: m[`weekday.${day}` as `weekday.1`] }))} data-testid="schedule-weekdays" />
            </Form.Item>
            <Space size={4}>
              <Button size="small" onClick={() => form.setFieldValue('weekdays', [...WORKING_DAYS])}>{m['pattern.working-days']}</Button>
              <Button size="small" onClick={() => form.setFieldValue('weekdays', [6, 7])}>{m['pattern.weekend']}</Button>
              <Button size="small" onClick={() => form.setFieldValue('weekdays', [...ALL_DAYS])}>{m['pattern.every-day']}</Button>
            </Space>
          </Flex>
        </Form.Item>
        <ScheduleWindowsField />
        <Form.Item name="validity" label={m.validity} extra={m.validityHelp}>
          <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[m.openStart, m.openEnd]} style={{ width: '100%' }} data-testid="schedule-validity" />
        </Form.Item>
        <Form.Item name="priority" label={m.priority} extra={m.priorityHelp} rules={[{ required: true, type: 'integer', min: 0, max: MAX_PRIORITY, message: format(m.priorityRange, { max: MAX_PRIORITY }) }]}>
          <InputNumber min={0} max={MAX_PRIORITY} precision={0} style={{ width: 160 }} data-testid="schedule-priority" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
