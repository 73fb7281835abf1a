// The roles an account may hold, each with a line saying what it lets the person do.

import { Checkbox, Flex, Typography } from 'antd';
import { ROLES, type Role } from '../../../../../shared/auth/roles.ts';
import { useNavMessages } from '../../app/nav-messages.ts';
import { useUsersMessages } from './users-messages.ts';

export function RoleCheckboxes({ value, onChange }: { value?: Role[]; onChange?: (roles: Role[]) => void }) {
  const m = useUsersMessages();
  const nav = useNavMessages();
  return (
    <Checkbox.Group value={value} onChange={(roles) => onChange?.(roles)} style={{ width: '100%' }} data-testid="role-checkboxes">
      <Flex vertical gap={6}>
        {ROLES.map((role) => (
          <Checkbox key={role} value={role}>
            <Typography.Text strong>{nav[`role.${role}`]}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{m[`roleHelp.${role}`]}</Typography.Text>
          </Checkbox>
        ))}
      </Flex>
    </Checkbox.Group>
  );
}
