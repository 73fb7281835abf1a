// The list view's fields: which list and entries, layout (with the picture a split shows), motion and the query QR code.

import { Col, Form, Input, InputNumber, Radio, Row, Select, Typography, type FormInstance } from 'antd';
import { LIST_LAYOUTS } from '../../../../../shared/protocol/manifest.ts';
import { regionPrefixSchema } from '../../../../../shared/lists/region.ts';
import { format } from '../../i18n/messages.ts';
import type { ContentItem } from './content-items.ts';
import type { ListViewDraft, MotionMode, QrChoice } from './list-view-draft.ts';
import { useListViewMessages } from './list-view-messages.ts';

/** Categories the national and local lists commonly use; any other name may be typed. */
const COMMON_CATEGORIES = ['失信被执行人', '重大税收违法失信主体', '安全生产失信', '拖欠农民工工资失信', 'A级纳税人', '守信激励对象'];
const MOTION_MODES: readonly MotionMode[] = ['default', 'scroll', 'page'];
const QR_CHOICES: readonly QrChoice[] = ['none', 'list', 'entry'];
const URL_TEMPLATE = /^https?:\/\/[^\s<>"]+$/;

function Section({ title }: { title: string }) {
  return <Typography.Title level={5} style={{ margin: '8px 0 12px' }}>{title}</Typography.Title>;
}

export function ListViewForm({ form, media }: { form: FormInstance<ListViewDraft>; media: ContentItem[] }) {
  const m = useListViewMessages();
  const layout = Form.useWatch('layout', form);
  const motionMode = Form.useWatch('motionMode', form);
  const qrTarget = Form.useWatch('qrTarget', form);
  return (
    <>
      <Section title={m.sectionWhat} />
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="title" label={m.title} rules={[{ required: true, whitespace: true, message: m.titleRequired }, { max: 200 }]}>
            <Input maxLength={200} showCount placeholder={m.titlePlaceholder} data-testid="list-view-title-input" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="list" label={m.list} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'black', label: m.listBlack }, { value: 'red', label: m.listRed }]} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="categories" label={m.categories} extra={m.categoriesHelp}>
            <Select mode="tags" placeholder={m.categoriesPlaceholder} options={COMMON_CATEGORIES.map((c) => ({ value: c, label: c }))} maxCount={50} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="regions"
            label={m.regions}
            extra={m.regionsHelp}
            rules={[{ validator: async (_, values: string[] | undefined) => {
              const bad = (values ?? []).find((value) => !regionPrefixSchema.safeParse(value.trim()).success);
              if (bad !== undefined) throw new Error(format(m.regionInvalid, { value: bad }));
            } }]}
          >
            <Select mode="tags" placeholder={m.regionsPlaceholder} open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} maxCount={50} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="source" label={m.source} extra={m.sourceHelp} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder={m.sourcePlaceholder} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="durationSeconds" label={m.duration} rules={[{ required: true }]}>
            <InputNumber min={3} max={3600} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Col>
      </Row>

      <Section title={m.sectionLayout} />
      <Form.Item name="layout" extra={layout ? m[`layoutHelp.${layout}`] : undefined}>
        <Radio.Group optionType="button" options={LIST_LAYOUTS.map((l) => ({ value: l, label: m[`layout.${l}`] }))} data-testid="list-view-layout" />
      </Form.Item>
      {layout === 'split' && (
        <Form.Item name="splitMediaContentId" label={m.splitMedia} rules={[{ required: true, message: m.splitMediaRequired }]} extra={media.length === 0 ? m.splitMediaEmpty : undefined}>
          <Select
            placeholder={m.splitMediaPlaceholder}
            showSearch={{ optionFilterProp: 'label' }}
            options={media.map((item) => ({ value: item.id, label: item.status === 'pending' ? `${item.title}（${m.mediaPending}）` : item.title }))}
            style={{ maxWidth: 480 }}
            data-testid="list-view-split-media"
          />
        </Form.Item>
      )}

      <Section title={m.sectionMotion} />
      <Form.Item name="motionMode">
        <Radio.Group optionType="button" options={MOTION_MODES.map((mode) => ({ value: mode, label: m[`motion.${mode}`] }))} />
      </Form.Item>
      {motionMode === 'scroll' && (
        <Form.Item name="pxPerSecond" label={m.pxPerSecond} rules={[{ required: true }]}>
          <InputNumber min={10} max={400} precision={0} style={{ width: 140 }} />
        </Form.Item>
      )}
      {motionMode === 'page' && (
        <Row gutter={16}>
          <Col><Form.Item name="rowsPerPage" label={m.rowsPerPage} rules={[{ required: true }]}><InputNumber min={1} max={50} precision={0} style={{ width: 140 }} /></Form.Item></Col>
          <Col><Form.Item name="secondsPerPage" label={m.secondsPerPage} rules={[{ required: true }]}><InputNumber min={3} max={120} precision={0} style={{ width: 140 }} /></Form.Item></Col>
        </Row>
      )}

      <Section title={m.sectionQr} />
      <Form.Item name="qrTarget">
        <Radio.Group optionType="button" options={QR_CHOICES.map((choice) => ({ value: choice, label: m[`qr.${choice}`] }))} />
      </Form.Item>
      {qrTarget !== undefined && qrTarget !== 'none' && (
        <Form.Item name="qrUrlTemplate" label={m.qrUrl} extra={m.qrUrlHelp} rules={[{ required: true, message: m.qrUrlRequired }, { pattern: URL_TEMPLATE, message: m.qrUrlInvalid }, { max: 200 }]}>
          <Input maxLength={200} placeholder="https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword={code}" data-testid="list-view-qr-url" />
        </Form.Item>
      )}
    </>
  );
}
