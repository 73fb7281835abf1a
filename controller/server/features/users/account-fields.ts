// The rules for the fields of an account that an admin types: shared by creating a user and changing one.

import { z } from 'zod';

export const passwordSchema = z.string().min(12, '密码至少 12 个字符 (at least 12 characters)').max(200);
export const displayNameSchema = z.string().trim().min(1).max(100);
