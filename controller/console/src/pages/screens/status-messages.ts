// Names of screen conditions and problems, shared by the screen board, a screen's page and the publish page.

import type { ScreenCondition } from '../../../../../shared/screens/screen-condition.ts';
import type { ShowingKind } from './on-screen.ts';
import { defineMessages } from '../../i18n/messages.ts';

type Key = `condition.${ScreenCondition}` | `conditionHint.${ScreenCondition}` | 'problem.player-error' | 'problem.display-silent' | 'problem.reported-error' | 'never' | `showing.${ShowingKind}` | 'showingNone';

export const useStatusMessages = defineMessages<Key>(
  {
    'condition.online': '在线',
    'condition.offline': '离线',
    'condition.stale': '数据过期',
    'condition.error': '故障',
    'condition.revoked': '已注销',
    'conditionHint.online': '在线，且已应用最新发布',
    'conditionHint.offline': '超过 90 秒没有心跳',
    'conditionHint.stale': '在线，但尚未应用最新发布',
    'conditionHint.error': '在线，但报告了错误或显示页面无响应',
    'conditionHint.revoked': '已注销，不再接收内容',
    'problem.player-error': '播放器报错：{message}',
    'problem.display-silent': '显示页面自 {since} 起无响应',
    'problem.reported-error': '同步被拒：{message}',
    never: '从未',
    'showing.list': '名单',
    'showing.slide': '幻灯片',
    'showing.image': '图片',
    'showing.video': '视频',
    'showing.emergency': '紧急插播',
    'showing.fallback': '内置默认画面',
    'showing.pairing': '配对码画面',
    'showing.unknown': '其他',
    showingNone: '未知（显示页面未报告）',
  },
  {
    'condition.online': 'Online',
    'condition.offline': 'Offline',
    'condition.stale': 'Out of date',
    'condition.error': 'Fault',
    'condition.revoked': 'Revoked',
    'conditionHint.online': 'Online and on the newest publish',
    'conditionHint.offline': 'No heartbeat for over 90 s',
    'conditionHint.stale': 'Online but not yet on the newest publish',
    'conditionHint.error': 'Online but reporting an error, or its display page is not responding',
    'conditionHint.revoked': 'Revoked; receives nothing',
    'problem.player-error': 'Player error: {message}',
    'problem.display-silent': 'Display page silent since {since}',
    'problem.reported-error': 'Sync refused: {message}',
    never: 'Never',
    'showing.list': 'List',
    'showing.slide': 'Slide',
    'showing.image': 'Image',
    'showing.video': 'Video',
    'showing.emergency': 'Emergency',
    'showing.fallback': 'Built-in fallback slide',
    'showing.pairing': 'Pairing code',
    'showing.unknown': 'Other',
    showingNone: 'Unknown (display page has not reported)',
  },
);
