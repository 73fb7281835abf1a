// A report filter that picks one value from a searchable list, or none (all).

import { Select } from 'antd';

export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect({ value, onChange, options, placeholder, label, loading, width, testId }: {
  value: string | null;
  onChange: (value: string | null) => void;
  options: FilterOption[];
  placeholder: string;
  label: string;
  loading: boolean;
  width: number;
  testId: string;
}) {
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width }}
      placeholder={placeholder}
      aria-label={label}
      loading={loading}
      value={value}
      onChange={(picked: string | undefined) => onChange(picked ?? null)}
      options={options}
      data-testid={testId}
    />
  );
}
