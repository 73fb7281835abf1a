// Every page of the console: its address, menu section, label, icon and the permission it needs.
// The menu and the router are both built from this table, so a page a role cannot use is neither
// offered nor routable (the server refuses its API calls anyway).

import {
  AlertOutlined, AuditOutlined, BarChartOutlined, CalendarOutlined, CheckSquareOutlined, CloudUploadOutlined, DashboardOutlined,
  DesktopOutlined, EyeOutlined, FileSearchOutlined, FileTextOutlined, PictureOutlined, PlaySquareOutlined, SafetyCertificateOutlined,
  SendOutlined, SettingOutlined, StopOutlined, TeamOutlined, UnorderedListOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Permission } from '../../../../shared/auth/roles.ts';

export type MenuSection = 'overview' | 'lists' | 'content' | 'review' | 'screens' | 'reports' | 'admin';

export interface ConsolePage {
  /** path under /console/, React Router syntax */
  path: string;
  section: MenuSection;
  /** key into NAV_MESSAGES */
  label: NavLabel;
  icon: ReactNode;
  /** null: every signed-in user */
  permission: Permission | null;
  /** detail pages are reached from another page, not from the menu */
  inMenu: boolean;
  component: LazyExoticComponent<ComponentType>;
}

export type NavLabel =
  | 'dashboard' | 'entries' | 'entryDetail' | 'imports' | 'content' | 'slideEditor' | 'playlists' | 'schedules' | 'preview' | 'emergencies'
  | 'reviews' | 'screens' | 'screenDetail' | 'publishes' | 'proofOfPlay' | 'takedowns' | 'audit' | 'users' | 'screenGroups' | 'policies';

const page = (path: string, section: MenuSection, label: NavLabel, icon: ReactNode, permission: Permission | null, load: () => Promise<{ default: ComponentType }>, inMenu = true): ConsolePage =>
  ({ path, section, label, icon, permission, inMenu, component: lazy(load) });

export const CONSOLE_PAGES: readonly ConsolePage[] = [
  page('', 'overview', 'dashboard', <DashboardOutlined />, null, () => import('../pages/dashboard/DashboardPage.tsx')),
  page('entries', 'lists', 'entries', <UnorderedListOutlined />, 'entries.read', () => import('../pages/entries/EntriesPage.tsx')),
  page('entries/:entryId', 'lists', 'entryDetail', <FileSearchOutlined />, 'entries.read', () => import('../pages/entries/EntryDetailPage.tsx'), false),
  page('imports', 'lists', 'imports', <CloudUploadOutlined />, 'entries.import', () => import('../pages/imports/ImportsPage.tsx')),
  page('content', 'content', 'content', <PictureOutlined />, 'change-sets.read', () => import('../pages/content/ContentPage.tsx')),
  page('content/slides/:slideId', 'content', 'slideEditor', <FileTextOutlined />, 'entries.import', () => import('../pages/content/SlideEditorPage.tsx'), false),
  page('playlists', 'content', 'playlists', <PlaySquareOutlined />, 'programme.read', () => import('../pages/playlists/PlaylistsPage.tsx')),
  page('schedules', 'content', 'schedules', <CalendarOutlined />, 'programme.read', () => import('../pages/schedules/SchedulesPage.tsx')),
  page('preview', 'content', 'preview', <EyeOutlined />, 'programme.read', () => import('../pages/preview/PreviewPage.tsx')),
  page('reviews', 'review', 'reviews', <CheckSquareOutlined />, 'change-sets.read', () => import('../pages/reviews/ReviewsPage.tsx')),
  page('emergencies', 'review', 'emergencies', <AlertOutlined />, 'emergencies.read', () => import('../pages/emergencies/EmergenciesPage.tsx')),
  page('screens', 'screens', 'screens', <DesktopOutlined />, 'screens.read', () => import('../pages/screens/ScreensPage.tsx')),
  page('screens/:screenId', 'screens', 'screenDetail', <DesktopOutlined />, 'screens.read', () => import('../pages/screens/ScreenDetailPage.tsx'), false),
  page('publishes', 'screens', 'publishes', <SendOutlined />, 'screens.read', () => import('../pages/publishes/PublishesPage.tsx')),
  page('proof-of-play', 'reports', 'proofOfPlay', <BarChartOutlined />, 'proof-of-play.read', () => import('../pages/reports/ProofOfPlayPage.tsx')),
  page('takedowns', 'reports', 'takedowns', <StopOutlined />, 'audit.read', () => import('../pages/reports/TakedownsPage.tsx')),
  page('audit', 'reports', 'audit', <AuditOutlined />, 'audit.read', () => import('../pages/reports/AuditLogPage.tsx')),
  page('users', 'admin', 'users', <TeamOutlined />, 'users.manage', () => import('../pages/admin/UsersPage.tsx')),
  page('screen-groups', 'admin', 'screenGroups', <SettingOutlined />, 'screen-groups.read', () => import('../pages/admin/ScreenGroupsPage.tsx')),
  page('policies', 'admin', 'policies', <SafetyCertificateOutlined />, 'policies.manage', () => import('../pages/admin/PoliciesPage.tsx')),
];
