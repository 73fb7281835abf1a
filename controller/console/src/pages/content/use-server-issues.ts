// Marks a form's fields with the issues of a refused submission and keeps the rest for the alert above it.

import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { placeIssues, type FieldPath, type PlacedIssues } from './server-issues.ts';

export function useServerIssues(form: FormInstance, fieldOf: (requestPath: string[]) => FieldPath | null) {
  const [unplaced, setUnplaced] = useState<PlacedIssues['unplaced']>([]);
  // When every issue sits on its field, the fields say it all: no alert repeats them above the form.
  const [onFieldsOnly, setOnFieldsOnly] = useState(false);
  const show = useCallback((error: unknown) => {
    const placed = placeIssues(error, fieldOf);
    form.setFields(placed.fields.map((issue) => ({ name: [...issue.name], errors: [issue.message] })));
    setUnplaced(placed.unplaced);
    setOnFieldsOnly(placed.fields.length > 0 && placed.unplaced.length === 0);
    if (placed.fields[0]) form.scrollToField([...placed.fields[0].name], { block: 'center' });
  }, [form, fieldOf]);
  const clear = useCallback(() => {
    setUnplaced([]);
    setOnFieldsOnly(false);
  }, []);
  return { unplaced, onFieldsOnly, show, clear };
}
