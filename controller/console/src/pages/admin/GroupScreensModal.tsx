// Choosing a group's screens from the fleet: two searchable lists, this group's and the others.

import { App, Alert, Badge, Modal, Transfer } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useSetGroupScreens, type FleetScreen, type ScreenGroup } from './screen-groups-api.ts';
import { useScreenGroupsMessages } from './screen-groups-messages.ts';

const STATUS_BADGE = { online: 'success', offline: 'default', revoked: 'error' } as const;

export function GroupScreensModal({ group, fleet, onClose }: { group: ScreenGroup; fleet: FleetScreen[]; onClose: () => void }) {
  const m = useScreenGroupsMessages();
  const { message } = App.useApp();
  const save = useSetGroupScreens();
  const [chosen, setChosen] = useState<string[]>(group.screenIds);
  // Revoked screens cannot join a group; one already in it stays listed so it can be taken out.
  const choosable = fleet.filter((s) => s.status !== 'revoked' || group.screenIds.includes(s.id));

  const submit = async () => {
    try {
      const saved = await save.mutateAsync({ id: group.id, screenIds: chosen });
      void message.success(format(m.assigned, { count: saved.screenIds.length }));
      onClose();
    } catch {
      // shown by the alert from the mutation's error
    }
  };

  return (
    <Modal open title={format(m.assignTitle, { name: group.name })} okText={m.save} cancelText={m.cancel} confirmLoading={save.isPending} onOk={() => void submit()} onCancel={onClose} width={760} destroyOnHidden data-testid="group-screens">
      <Alert type="info" showIcon title={m.assignHelp} style={{ marginBottom: 16 }} />
      <ApiErrorAlert error={save.error} />
      <Transfer<FleetScreen & { key: string }>
        dataSource={choosable.map((s) => ({ ...s, key: s.id }))}
        targetKeys={chosen}
        onChange={(keys) => setChosen(keys.map(String))}
        titles={[m.available, m.inGroup]}
        showSearch={{ placeholder: m.searchScreens }}
        filterOption={(text, screen) => screen.name.toLowerCase().includes(text.trim().toLowerCase())}
        render={(screen) => <Badge status={STATUS_BADGE[screen.status]} text={screen.name} />}
        styles={{ section: { width: 340, height: 360 } }}
      />
    </Modal>
  );
}
