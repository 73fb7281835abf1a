// Creates a schedule or proposes a change to one: its playlist, target screen groups, days, time
// windows, validity dates and priority. Conflicts with other schedules are shown while editing;
// saving submits for review.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Space, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import { format } from '../../i18n/messages.ts';
import type { PlaylistRow, ScheduleRow, ScreenGroup } from '../playlists/programme-api.ts';
import { PROGRAMME_KEYS } from '../playlists/programme-api.ts';
import { useProgrammeMessages } from '../playlists/programme-messages.ts';
import { SaveErrorAlert } from '../playlists/SaveErrorAlert.tsx';
import type { PlannedSchedule } from './planned-schedules.ts';
import { ALL_DAYS, formValuesOf, MAX_PRIORITY, newScheduleValues, scheduleBodyOf, WORKING_DAYS, type ScheduleFormValues } from './schedule-form.ts';
import { useScheduleMessages } from './schedules-messages.ts';
import { clockOf, competeOnEqualTerms, firstOverlap } from './week-calendar.ts';

const TIME = 'HH:mm';
const DATE = 'YYYY-MM-DD';
const DRAFT_ID = '(draft)';

interface Fields {
  name: string;
  playlistId: string | undefined;
  screenGroupIds: string[];
  weekdays: number[];
  windows: Array<{ start: Dayjs | null; end: Dayjs | null }>;
  validity: [Dayjs | null, Dayjs | null] | null;
  priority: number;
}

function fieldsOf(values: ScheduleFormValues): Fields {
  const time = (clock: string | undefined) => (clock ? dayjs(clock, TIME) : null);
  const date = (text: string | null) => (text ? dayjs(text, DATE) : null);
  return {
    ...values,
    windows: values.windows.map((window) => ({ start: time(window.start), end: time(window.end) })),
    validity: values.firstDate || values.lastDate ? [date(values.firstDate), date(values.lastDate)] : null,
  };
}

function valuesOf(fields: Partial<Fields>): ScheduleFormValues {
  return {
    name: fields.name ?? '',
    playlistId: fields.playlistId,
    screenGroupIds: fields.screenGroupIds ?? [],
    weekdays: fields.weekdays ?? [],
    windows: (fields.windows ?? []).map((window) => ({ start: window?.start?.format(TIME), end: window?.end?.format(TIME) })),
    firstDate: fields.validity?.[0]?.format(DATE) ?? null,
    lastDate: fields.validity?.[1]?.format(DATE) ?? null,
    priority: fields.priority ?? 0,
  };
}

interface Props {
  /** null: a new schedule */
  editing: PlannedSchedule | null;
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
  const initial = useMemo(() => fieldsOf(editing ? formValuesOf(editing.row, editing.document) : newScheduleValues()), [editing]);
  const watched = Form.useWatch([], form) as Partial<Fields> | undefined;
  const conflicts = useConflicts(watched, editing?.row ?? null, others, today);

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
        <WindowsField />
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

/** The time windows: a start and an end each (an end before the start runs past midnight). */
function WindowsField() {
  const m = useScheduleMessages();
  return (
    <Form.Item label={m.windows} required extra={m.windowsHelp}>
      <Form.List name="windows" rules={[{ validator: async (_, windows: unknown[]) => { if (!windows || windows.length === 0) throw new Error(m.windowsRequired); } }]}>
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" data-testid="schedule-window">
                <Form.Item name={[field.name, 'start']} rules={[{ required: true, message: m.timeRequired }]} style={{ marginBottom: 0 }}>
                  <TimePicker format={TIME} minuteStep={5} needConfirm={false} placeholder={m.start} aria-label={format(m.windowStart, { n: index + 1 })} data-testid="window-start" />
                </Form.Item>
                <Typography.Text style={{ lineHeight: '32px' }}>—</Typography.Text>
                <Form.Item
                  name={[field.name, 'end']}
                  dependencies={[['windows', field.name, 'start']]}
                  style={{ marginBottom: 0 }}
                  rules={[
                    { required: true, message: m.timeRequired },
                    ({ getFieldValue }) => ({
                      validator: async (_, end: Dayjs | null) => {
                        const start = getFieldValue(['windows', field.name, 'start']) as Dayjs | null;
                        if (start && end && start.format(TIME) === end.format(TIME)) throw new Error(m.windowEmpty);
                      },
                    }),
                  ]}
                >
                  <TimePicker format={TIME} minuteStep={5} needConfirm={false} placeholder={m.end} aria-label={format(m.windowEnd, { n: index + 1 })} data-testid="window-end" />
                </Form.Item>
                <WindowNote index={field.name} />
                {fields.length > 1 && <Button type="text" danger icon={<DeleteOutlined />} aria-label={m.removeWindow} onClick={() => remove(field.name)} />}
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ start: null, end: null })} style={{ width: 200 }}>{m.addWindow}</Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** "runs past midnight" beside a window whose end is before its start. */
function WindowNote({ index }: { index: number }) {
  const m = useScheduleMessages();
  const form = Form.useFormInstance<Fields>();
  const window = Form.useWatch(['windows', index], form) as { start: Dayjs | null; end: Dayjs | null } | undefined;
  const start = window?.start?.format(TIME);
  const end = window?.end?.format(TIME);
  if (!start || !end || end === '00:00' || end >= start) return null;
  return <Tag color="purple" style={{ marginTop: 5 }}>{m.overnight}</Tag>;
}

/** Lines naming each other schedule this one would conflict with, as it stands in the form. */
function useConflicts(watched: Partial<Fields> | undefined, row: ScheduleRow | null, others: readonly PlannedSchedule[], today: string): string[] {
  const m = useScheduleMessages();
  return useMemo(() => {
    if (!watched) return [];
    const values = valuesOf(watched);
    if (values.windows.some((window) => !window.start || !window.end || window.start === window.end) || values.weekdays.length === 0) return [];
    const body = scheduleBodyOf(values);
    const draft = { ...body, id: row?.id ?? DRAFT_ID };
    return others.flatMap((other) => {
      if (other.row.id === draft.id || !competeOnEqualTerms(draft, other.calendar)) return [];
      const overlap = firstOverlap(draft, other.calendar, today);
      return overlap ? [format(m.formConflictLine, { name: other.row.name, priority: draft.priority, date: overlap.date, from: clockOf(overlap.startMinute), to: clockOf(Math.min(overlap.endMinute, 1440)) })] : [];
    });
  }, [watched, row, others, today, m]);
}
