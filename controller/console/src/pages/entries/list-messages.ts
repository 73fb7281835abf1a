// Names the lists pages share: the two lists, entry and change-set statuses, subject types, withdrawal reasons.

import type { EntryStatus, ListKind, SubjectType, WithdrawalReason } from '../../../../../shared/lists/list-entry.ts';
import { defineMessages } from '../../i18n/messages.ts';

export type ChangeSetStatus = 'pending' | 'approved' | 'rejected';

type ListKey = `list.${ListKind}` | `entryStatus.${EntryStatus}` | `changeSetStatus.${ChangeSetStatus}` | `subjectType.${SubjectType}` | `withdrawalReason.${WithdrawalReason}` | 'expired';

export const useListMessages = defineMessages<ListKey>(
  {
    'list.red': '红名单',
    'list.black': '黑名单',
    'entryStatus.pending': '待审核',
    'entryStatus.approved': '已公示',
    'entryStatus.rejected': '已驳回',
    'entryStatus.withdrawn': '已撤下',
    expired: '已过期',
    'changeSetStatus.pending': '待审核',
    'changeSetStatus.approved': '已通过',
    'changeSetStatus.rejected': '已驳回',
    'subjectType.legal-person': '法人',
    'subjectType.unincorporated': '非法人组织',
    'subjectType.individual-business': '个体工商户',
    'subjectType.natural-person': '自然人',
    'withdrawalReason.credit-repair': '信用修复',
    'withdrawalReason.objection-upheld': '异议成立',
    'withdrawalReason.error': '数据错误',
  },
  {
    'list.red': 'Red list',
    'list.black': 'Black list',
    'entryStatus.pending': 'Awaiting review',
    'entryStatus.approved': 'Published',
    'entryStatus.rejected': 'Rejected',
    'entryStatus.withdrawn': 'Withdrawn',
    expired: 'Expired',
    'changeSetStatus.pending': 'Awaiting review',
    'changeSetStatus.approved': 'Approved',
    'changeSetStatus.rejected': 'Rejected',
    'subjectType.legal-person': 'Legal person',
    'subjectType.unincorporated': 'Unincorporated organisation',
    'subjectType.individual-business': 'Individual business',
    'subjectType.natural-person': 'Natural person',
    'withdrawalReason.credit-repair': 'Credit repair',
    'withdrawalReason.objection-upheld': 'Objection upheld',
    'withdrawalReason.error': 'Data error',
  },
);

export const LIST_COLOURS: Record<ListKind, string> = { red: 'red', black: '#434343' };
export const ENTRY_STATUS_COLOURS: Record<EntryStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', withdrawn: 'default' };
export const CHANGE_SET_STATUS_COLOURS: Record<ChangeSetStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };
