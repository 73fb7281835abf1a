// Setting one category's policy: how a person's name and ID number are masked and how long entries
// stay public, with a live preview of the result; saving republishes every list.

import { Alert, App, AutoComplete, Card, Col, Descriptions, Form, InputNumber, Modal, Radio, Row, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { MAX_PUBLICATION_MONTHS } from '../../../../../shared/lists/publication-period.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { fieldErrorsOf } from './field-errors.ts';
import { useSaveCategoryPolicy, type CategoryPolicyRow } from './policies-api.ts';
import { usePoliciesMessages } from './policies-messages.ts';
import { maskedSample, samplePeriodEnd, type CategoryPolicy } from './policy-preview.ts';

interface Values {
  category: string;
  nameDisplay: CategoryPolicy['nameDisplay'];
  idKeepStart: number;
  idKeepEnd: number;
  limited: boolean;
  publicationMonths: number | null;
}

/** Categories the national credit lists commonly use, offered as the admin types. */
const COMMON_CATEGORIES = ['失信被执行人', '重大税收违法失信主体', '安全生产失信', '严重违法失信企业', '政府采购严重违法失信', 'A级纳税人', '守合同重信用企业', '诚信示范企业'];

function policyOf(values: Values): CategoryPolicy {
  return { nameDisplay: values.nameDisplay, idKeepStart: values.idKeepStart, idKeepEnd: values.idKeepEnd, publicationMonths: values.limited ? values.publicationMonths : null };
}

function Preview({ policy }: { policy: CategoryPolicy }) {
  const m = usePoliciesMessages();
  const sample = maskedSample(policy);
  const listedOn = dayjs().format('YYYY-MM-DD');
  const end = samplePeriodEnd(policy.publicationMonths, listedOn);
  return (
    <Card size="small" title={m.preview} data-testid="policy-preview">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: m.previewName, children: <Typography.Text strong>{sample.name}</Typography.Text> },
          { key: 'id', label: m.previewId, children: <Typography.Text strong style={{ fontFamily: 'monospace' }}>{sample.idNumber}</Typography.Text> },
        ]}
      />
      <Typography.Text type="secondary">{end === null ? m.previewPeriodNone : format(m.previewPeriod, { listedOn, end })}</Typography.Text>
    </Card>
  );
}

/** `policy` null: a new category's policy, starting from the default. */
export function PolicyFormModal({ policy, fallback, taken, onClose }: { policy: CategoryPolicyRow | null; fallback: CategoryPolicy; taken: readonly string[]; onClose: () => void }) {
  const m = usePoliciesMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCategoryPolicy();
  const [error, setError] = useState<unknown>(null);
  const start = policy ?? { category: '', ...fallback };
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const limited = watched?.limited ?? start.publicationMonths !== null;
  const current: CategoryPolicy = policyOf({ ...start, limited, ...watched } as Values);

  const submit = async (values: Values) => {
    setError(null);
    try {
      const category = policy?.category ?? values.category.trim();
      const saved = await save.mutateAsync({ category, policy: policyOf(values) });
      void message.success(format(m.saved, { category, version: saved.manifestVersion }));
      onClose();
    } catch (failure) {
      const fields = fieldErrorsOf(failure, ['nameDisplay', 'idKeepStart', 'idKeepEnd', 'publicationMonths'] as const);
      form.setFields(fields);
      if (fields.length === 0) setError(failure);
    }
  };

  return (
    <Modal
      open
      title={policy === null ? m.createTitle : format(m.editTitle, { category: policy.category })}
      okText={m.save}
      cancelText={m.cancel}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={820}
      destroyOnHidden
      data-testid="policy-form"
    >
      <ApiErrorAlert error={error} />
      <Row gutter={24}>
        <Col span={14}>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ ...start, limited: start.publicationMonths !== null, publicationMonths: start.publicationMonths ?? 36 }}
            onFinish={(values) => void submit(values)}
          >
            {policy === null && (
              <Form.Item
                name="category"
                label={m.category}
                extra={m.categoryHelp}
                rules={[
                  { required: true, whitespace: true, message: m.categoryRequired },
                  { max: 100 },
                  { validator: (_, value: string | undefined) => (value && taken.includes(value.trim()) ? Promise.reject(new Error(m.categoryExists)) : Promise.resolve()) },
                ]}
              >
                <AutoComplete options={COMMON_CATEGORIES.filter((c) => !taken.includes(c)).map((c) => ({ value: c }))} showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }} data-testid="policy-category" />
              </Form.Item>
            )}
            <Form.Item name="nameDisplay" label={m.nameDisplay}>
              <Radio.Group>
                <Space orientation="vertical">
                  <Radio value="surname">{m.nameSurname} <Typography.Text type="secondary">— {m.nameSurnameHelp}</Typography.Text></Radio>
                  <Radio value="full">{m.nameFull} <Typography.Text type="secondary">— {m.nameFullHelp}</Typography.Text></Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="idKeepStart" label={m.idKeepStart} rules={[{ required: true, type: 'integer', min: 0, max: 6, message: m.idKeepRequired }]}>
                  <InputNumber min={0} max={6} precision={0} suffix={m.digits} style={{ width: '100%' }} data-testid="id-keep-start" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="idKeepEnd" label={m.idKeepEnd} rules={[{ required: true, type: 'integer', min: 0, max: 4, message: m.idKeepRequired }]}>
                  <InputNumber min={0} max={4} precision={0} suffix={m.digits} style={{ width: '100%' }} data-testid="id-keep-end" />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>{m.idHelp}</Typography.Paragraph>
            <Form.Item name="limited" label={m.limitPeriod} valuePropName="checked">
              <Switch data-testid="limit-period" />
            </Form.Item>
            {limited && (
              <Form.Item name="publicationMonths" label={m.period} extra={m.periodHelp} rules={[{ required: true, type: 'integer', min: 1, max: MAX_PUBLICATION_MONTHS, message: m.periodRequired }]}>
                <InputNumber min={1} max={MAX_PUBLICATION_MONTHS} precision={0} suffix={m.periodUnit} style={{ width: 200 }} data-testid="publication-months" />
              </Form.Item>
            )}
          </Form>
        </Col>
        <Col span={10}>
          <Preview policy={current} />
          <Alert type="warning" showIcon title={m.republishWarning} style={{ marginTop: 16 }} />
        </Col>
      </Row>
    </Modal>
  );
}
