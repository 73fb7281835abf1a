// The frame every review opens in: a wide drawer with the item's title, its body and the verdict at the foot.

import { Drawer } from 'antd';
import type { ReactNode } from 'react';

/** Wide enough for a change set's rows beside the menu at 1440 px, narrow enough to keep the queue in view. */
const DRAWER_WIDTH = 1180;

export function ReviewDrawer({ title, extra, footer, onClose, children }: { title: ReactNode; extra?: ReactNode; footer: ReactNode; onClose: () => void; children: ReactNode }) {
  return (
    <Drawer open title={title} extra={extra} footer={footer} onClose={onClose} size={DRAWER_WIDTH} destroyOnHidden data-testid="review-drawer">
      {children}
    </Drawer>
  );
}
