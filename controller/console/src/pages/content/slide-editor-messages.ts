// Texts of the slide editor.

import type { SlideDocument } from '../../../../../shared/protocol/manifest.ts';
import { defineMessages } from '../../i18n/messages.ts';

type Key =
  | `theme.${SlideDocument['theme']}`
  | 'newTitle' | 'openTitle' | 'back' | 'submit' | 'submitted' | 'formHeading'
  | 'title' | 'titleRequired' | 'titlePlaceholder' | 'body' | 'bodyPlaceholder' | 'bodyHelp' | 'theme' | 'footer' | 'footerPlaceholder'
  | 'notFound' | 'notFoundBody'
  | 'existingNote' | 'submitCopy'
  | 'sampleTitle';

export const useSlideEditorMessages = defineMessages<Key>(
  {
    'theme.integrity': '诚信蓝金',
    'theme.red': '守信红金',
    'theme.black': '警示深灰',
    newTitle: '新建幻灯片',
    openTitle: '幻灯片：{title}',
    back: '返回内容库',
    submit: '提交审核',
    submitted: '「{title}」已提交审核',
    formHeading: '幻灯片内容',
    title: '标题',
    titleRequired: '请填写标题',
    titlePlaceholder: '例如：诚实守信 共建信用城市',
    body: '正文',
    bodyPlaceholder: '可分段书写；正文越长，字号越小，以保证整屏可读',
    bodyHelp: '{count} 字 · 超过 120 字改用中号字，超过 320 字改用小号字',
    theme: '主题配色',
    footer: '落款',
    footerPlaceholder: '例如：市社会信用体系建设领导小组办公室',
    notFound: '找不到这张幻灯片',
    notFoundBody: '它可能已被删除，或链接有误。',
    existingNote: '已提交的内容不能修改：修改后提交会生成一张新的幻灯片并送审，原幻灯片不受影响。',
    submitCopy: '提交为新幻灯片',
    sampleTitle: '请输入标题',
  },
  {
    'theme.integrity': 'Integrity blue',
    'theme.red': 'Honour red',
    'theme.black': 'Warning charcoal',
    newTitle: 'New slide',
    openTitle: 'Slide: {title}',
    back: 'Back to the library',
    submit: 'Submit for review',
    submitted: '“{title}” submitted for review',
    formHeading: 'Slide content',
    title: 'Title',
    titleRequired: 'Enter a title',
    titlePlaceholder: 'e.g. Keep faith, build a city of trust',
    body: 'Body',
    bodyPlaceholder: 'Paragraphs allowed; a longer body is set in smaller type so the whole screen stays readable',
    bodyHelp: '{count} characters · medium type above 120, small type above 320',
    theme: 'Colour theme',
    footer: 'Signature line',
    footerPlaceholder: 'e.g. Municipal Social Credit Office',
    notFound: 'This slide does not exist',
    notFoundBody: 'It may have been removed, or the link is wrong.',
    existingNote: 'Submitted content cannot change: submitting your edits creates a new slide for review and leaves this one as it is.',
    submitCopy: 'Submit as a new slide',
    sampleTitle: 'Enter a title',
  },
);
