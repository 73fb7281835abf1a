// Texts of the health history charts.

import { defineMessages } from '../../i18n/messages.ts';

export const useHealthMessages = defineMessages(
  {
    title: '健康历史（最近 24 小时）',
    cpu: 'CPU 占用 (%)',
    memory: '内存占用 (%)',
    rss: '播放器内存 (MB)',
    disk: '磁盘剩余 (GB)',
    presence: '在线情况',
    onlineShare: '在线 {percent}',
    offlineChanges: '离线 {count} 次',
    online: '在线',
    offline: '离线',
    unknown: '无记录',
    noSamples: '最近 24 小时没有心跳记录',
    samples: '{count} 个采样点（每 10 分钟保留一次心跳）',
    truncated: '记录过多，仅显示最近部分',
    noPermission: '您的角色不能查看健康历史。',
  },
  {
    title: 'Health history (last 24 hours)',
    cpu: 'CPU busy (%)',
    memory: 'Memory used (%)',
    rss: 'Player memory (MB)',
    disk: 'Disk free (GB)',
    presence: 'Presence',
    onlineShare: 'Online {percent}',
    offlineChanges: 'Went offline {count} times',
    online: 'Online',
    offline: 'Offline',
    unknown: 'No record',
    noSamples: 'No heartbeats recorded in the last 24 hours',
    samples: '{count} samples (one heartbeat kept every 10 minutes)',
    truncated: 'Too many records; only the most recent are shown',
    noPermission: 'Your role may not read health history.',
  },
);
