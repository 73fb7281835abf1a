// How the policies page states a policy in words: the name rule, the ID digits kept, the period.

import { format } from '../../i18n/messages.ts';
import { usePoliciesMessages } from './policies-messages.ts';
import { yearsAndMonths, type CategoryPolicy } from './policy-preview.ts';

export function usePolicyLabels() {
  const m = usePoliciesMessages();
  return {
    name: (policy: CategoryPolicy) => (policy.nameDisplay === 'full' ? m.nameFull : m.nameSurname),
    id: (policy: CategoryPolicy) => format(m.idKept, { start: policy.idKeepStart, end: policy.idKeepEnd }),
    period: (policy: CategoryPolicy) => {
      if (policy.publicationMonths === null) return m.periodNone;
      const { years, months } = yearsAndMonths(policy.publicationMonths);
      if (years === 0) return format(m.periodMonths, { months });
      return months === 0 ? format(m.periodYears, { years }) : format(m.periodYearsMonths, { years, months });
    },
  };
}
