// "发布紧急通知": a text notice or an approved slide, for all screens or chosen groups, checked as
// it is typed (length, full ID numbers, markup), then confirmed with its reach before it is sent.

import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { EMERGENCY_BODY_MAX, EMERGENCY_TITLE_MAX } from '../../../../../shared/protocol/emergency.ts';
import { format } from '../../i18n/messages.ts';
import { useApprovedSlides, useScreenGroups, useStartEmergency } from './emergency-api.ts';
import { draftProblems, EMPTY_DRAFT, startRequestOf, targetOf, type DraftProblem, type EmergencyDraft } from './emergency-draft.ts';
import { targetGroupNames } from './emergency-format.ts';
import { useEmergencyMessages } from './emergency-messages.ts';
import { NoticePreview } from './NoticePreview.tsx';
import { SendConfirmation } from './SendConfirmation.tsx';

export function EmergencyForm({ onClose, onSent }: { onClose: () => void; onSent: (id: string, screens: number) => void }) {
  const m = useEmergencyMessages();
  const [draft, setDraft] = useState<EmergencyDraft>(EMPTY_DRAFT);
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const groups = useScreenGroups(true);
  const slides = useApprovedSlides(true);
  const start = useStartEmergency();
  const problems = draftProblems(draft);
  const update = (change: Partial<EmergencyDraft>) => setDraft((current) => ({ ...current, ...change }));

  const problemText: Record<DraftProblem, string> = {
    'title-required': m.problemTitleRequired,
    'title-too-long': format(m.problemTitleTooLong, { max: EMERGENCY_TITLE_MAX }),
    'body-too-long': format(m.problemBodyTooLong, { max: EMERGENCY_BODY_MAX }),
    'slide-required': m.problemSlideRequired,
    'groups-required': m.problemGroupsRequired,
    'unmasked-id': m.problemUnmaskedId,
    markup: m.problemMarkup,
    'control-characters': m.problemControl,
  };
  /** The first problem among these, once the user has tried to go on (or typed something that is wrong whatever comes next). */
  const shown = (...kinds: DraftProblem[]) => {
    const found = problems.find((p) => kinds.includes(p));
    const always: DraftProblem[] = ['title-too-long', 'body-too-long', 'unmasked-id', 'markup', 'control-characters'];
    return found && (touched || always.includes(found)) ? { validateStatus: 'error' as const, help: problemText[found] } : {};
  };

  const slideTitle = slides.data?.find((s) => s.id === draft.contentId)?.title ?? '';
  const preview = draft.kind === 'text' ? <NoticePreview title={draft.title.trim()} body={draft.body.trim()} /> : <NoticePreview title={slideTitle} body="" />;

  const groupNames = targetGroupNames(targetOf(draft), groups.data ?? []);
  const targetText = groupNames === null ? m.targetAll : format(m.targetGroups, { names: groupNames.join('、') });

  const next = () => {
    setTouched(true);
    if (problems.length === 0) setConfirming(true);
  };
  const send = () =>
    start.mutate(startRequestOf(draft), {
      onSuccess: (started) => {
        setConfirming(false);
        onSent(started.id, started.targetScreens);
      },
    });

  return (
    <>
      <Modal open={!confirming} title={m.formTitle} okText={m.formNext} cancelText={m.cancel} onOk={next} onCancel={onClose} width={720} okButtonProps={{ danger: true }} data-testid="emergency-form">
        <Form layout="vertical" requiredMark={false} style={{ marginTop: 16 }}>
          <Form.Item label={m.formKind}>
            <Radio.Group value={draft.kind} onChange={(event) => update({ kind: event.target.value as EmergencyDraft['kind'] })} optionType="button" options={[{ value: 'text', label: m.kindText }, { value: 'slide', label: m.kindSlide }]} />
          </Form.Item>
          {draft.kind === 'text' ? (
            <>
              <Form.Item label={m.formTitleLabel} {...shown('title-required', 'title-too-long', 'unmasked-id', 'markup', 'control-characters')}>
                <Input value={draft.title} onChange={(event) => update({ title: event.target.value })} placeholder={m.formTitlePlaceholder} showCount={{ formatter: ({ count }) => `${count} / ${EMERGENCY_TITLE_MAX}` }} aria-label={m.formTitleLabel} />
              </Form.Item>
              <Form.Item label={m.formBodyLabel} {...shown('body-too-long')}>
                <Input.TextArea value={draft.body} onChange={(event) => update({ body: event.target.value })} placeholder={m.formBodyPlaceholder} autoSize={{ minRows: 3, maxRows: 6 }} showCount={{ formatter: ({ count }) => `${count} / ${EMERGENCY_BODY_MAX}` }} aria-label={m.formBodyLabel} />
              </Form.Item>
            </>
          ) : (
            <Form.Item label={m.formSlideLabel} {...shown('slide-required')}>
              <Select
                value={draft.contentId ?? undefined}
                onChange={(contentId: string) => update({ contentId })}
                placeholder={m.formSlidePlaceholder}
                loading={slides.isLoading}
                options={(slides.data ?? []).map((s) => ({ value: s.id, label: s.title }))}
                notFoundContent={m.formNoSlides}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          )}
          <Form.Item label={m.formTarget} {...shown('groups-required')}>
            <Radio.Group value={draft.target} onChange={(event) => update({ target: event.target.value as EmergencyDraft['target'] })} options={[{ value: 'all', label: m.formTargetAll }, { value: 'groups', label: m.formTargetGroups }]} />
            {draft.target === 'groups' && (
              <Select
                mode="multiple"
                value={draft.groupIds}
                onChange={(groupIds: string[]) => update({ groupIds })}
                placeholder={m.formGroupsPlaceholder}
                loading={groups.isLoading}
                options={(groups.data ?? []).map((g) => ({ value: g.id, label: format(m.formGroupOption, { name: g.name, count: g.screenIds.length }) }))}
                style={{ width: '100%', marginTop: 8 }}
                aria-label={m.formTargetGroups}
              />
            )}
          </Form.Item>
          {preview}
        </Form>
      </Modal>
      {confirming && <SendConfirmation draft={draft} preview={preview} targetText={targetText} sending={start.isPending} sendError={start.error} onSend={send} onBack={() => setConfirming(false)} />}
    </>
  );
}
