// Texts of the ticker editor.

import { defineMessages } from '../../i18n/messages.ts';

type Key =
  | 'newTitle' | 'openTitle' | 'submit' | 'submitCopy' | 'submitted' | 'cancel' | 'close'
  | 'text' | 'textRequired' | 'textPlaceholder' | 'textHelp' | 'title' | 'titlePlaceholder'
  | 'speed' | 'speedHelp' | 'speedSlow' | 'speedDefault' | 'speedFast' | 'previewHeading' | 'previewTheme' | 'sampleText' | 'existingNote';

export const useTickerMessages = defineMessages<Key>(
  {
    newTitle: '新建滚动字幕',
    openTitle: '滚动字幕：{title}',
    submit: '提交审核',
    submitCopy: '提交为新字幕',
    submitted: '滚动字幕「{title}」已提交审核',
    cancel: '取消',
    close: '关闭',
    text: '字幕文字',
    textRequired: '请填写字幕文字',
    textPlaceholder: '例如：诚信是立身之本，守信是立业之基。失信举报电话：12345',
    textHelp: '单行文字，沿屏幕底部从右向左滚动；多条字幕在屏幕上以 ◆ 分隔',
    title: '名称',
    titlePlaceholder: '仅在控制台中显示；不填则取字幕开头',
    speed: '滚动速度（像素/秒，按 1920×1080 屏幕计）',
    speedHelp: '每秒约 {chars} 个字；一个字横穿屏幕约 {seconds} 秒。4K 和竖屏按字号等比换算，读起来一样快。',
    speedSlow: '慢',
    speedDefault: '默认',
    speedFast: '快',
    previewHeading: '实时预览',
    previewTheme: '上方画面',
    sampleText: '请输入字幕文字',
    existingNote: '已提交的字幕不能修改：修改后提交会生成一条新字幕并送审，原字幕不受影响。',
  },
  {
    newTitle: 'New ticker',
    openTitle: 'Ticker: {title}',
    submit: 'Submit for review',
    submitCopy: 'Submit as a new ticker',
    submitted: 'Ticker “{title}” submitted for review',
    cancel: 'Cancel',
    close: 'Close',
    text: 'Ticker text',
    textRequired: 'Enter the ticker text',
    textPlaceholder: 'e.g. Integrity is the root of every undertaking. Report broken promises: 12345',
    textHelp: 'One line, crawling right to left along the bottom of the screen; several tickers are separated by ◆',
    title: 'Name',
    titlePlaceholder: 'Shown in the console only; blank: the start of the text',
    speed: 'Speed (px per second, on a 1920×1080 screen)',
    speedHelp: 'About {chars} characters a second; a character crosses the screen in about {seconds} s. 4K and portrait screens scale with their type and read at the same pace.',
    speedSlow: 'slow',
    speedDefault: 'default',
    speedFast: 'fast',
    previewHeading: 'Live preview',
    previewTheme: 'Scene above',
    sampleText: 'Enter the ticker text',
    existingNote: 'Submitted tickers cannot change: submitting your edits creates a new ticker for review and leaves this one as it is.',
  },
);
