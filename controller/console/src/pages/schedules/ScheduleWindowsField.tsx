// The schedule form's time windows: a start and an end each, more than one allowed; an end before
// the start runs past midnight and says so.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Tag, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { format } from '../../i18n/messages.ts';
import { TIME, type Fields } from './schedule-form-fields.ts';
import { useScheduleMessages } from './schedules-messages.ts';

export /** The time windows: a start and an end each (an end before the start runs past midnight). */
function ScheduleWindowsField() {
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

