import { z } from 'zod';

/**
 * Argument shapes of the requests. Shapes only: the core checks the values
 * (impossible dates, a pace of 0…) and answers with learner sentences.
 */

export const id = z.string().min(1).max(200);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates look like 2026-11-28.');
const paceSchema = z.union([
  z.object({ kind: z.literal('as-sent') }).strict(),
  z.object({ kind: z.literal('factor'), factor: z.number().finite() }).strict(),
  z.object({ kind: z.literal('per-week'), perWeek: z.number().finite() }).strict(),
]);

export const planInputSchema = z
  .object({
    startOn: isoDay,
    pace: paceSchema,
    studyDays: z.array(z.number().int()).max(7),
    remindAt: z.string().max(5),
    pauses: z
      .array(z.object({ from: isoDay, to: isoDay.optional() }).strict())
      .max(500)
      .optional(),
    catchUps: z
      .array(z.object({ on: isoDay, days: z.number().int() }).strict())
      .max(500)
      .optional(),
  })
  .strict();

/** Every pace the plan form shows at once, previewed in one request. */
export const planInputsSchema = z.array(planInputSchema).min(1).max(10);

/** The reader's text sizes a learner can choose, CSS pixels. */
export const READING_SIZES = { min: 13, max: 28 } as const;

export const settingsPatchSchema = z
  .object({
    syncEveryHours: z.number().int().min(0).max(168).optional(),
    theme: z.enum(['system', 'light', 'dark']).optional(),
    closeToTray: z.boolean().optional(),
    startAtLogin: z.boolean().optional(),
    readingFontSize: z.number().int().min(READING_SIZES.min).max(READING_SIZES.max).optional(),
    readingWidth: z.enum(['narrow', 'medium', 'wide']).optional(),
    remindersEnabled: z.boolean().optional(),
    courseReminders: z.object({ courseId: id, enabled: z.boolean() }).strict().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const httpUrl = z
  .string()
  .max(4096)
  .refine((value) => /^https?:\/\//i.test(value), 'Only http(s) addresses are allowed.');

export const followTargetSchema = z.union([
  z.object({ sequenceId: id }).strict(),
  z.object({ url: z.string().min(1).max(4096) }).strict(),
]);
export type FollowTarget = z.infer<typeof followTargetSchema>;

export const newGroupSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    liveUrl: httpUrl,
    feedUrl: httpUrl.optional(),
    fallbackGroupId: id.optional(),
  })
  .strict();
export type NewGroup = z.infer<typeof newGroupSchema>;

export const syncScopeSchema = z
  .object({ courseId: id.optional(), sourceIds: z.array(id).max(500).optional() })
  .strict();
export type SyncScope = z.infer<typeof syncScopeSchema>;

/** Any text is accepted (the core makes sense of it); only its size is bounded. */
export const searchRequestSchema = z
  .object({
    text: z.string().max(10_000),
    courseId: id.optional(),
    kinds: z
      .array(z.enum(['email', 'note', 'group']))
      .max(3)
      .optional(),
    limit: z.number().int().min(1).max(500).optional(),
    limitPerKind: z.number().int().min(1).max(500).optional(),
  })
  .strict();

/** A folder as the system names it: an absolute path (POSIX, drive letter or network share). */
export const shareFolderSchema = z
  .object({
    folder: z
      .string()
      .min(1, 'The folder is missing.')
      .max(4096, 'That folder name is too long.')
      .refine((value) => !value.includes('\0'), 'A folder name cannot hold a NUL character.')
      .refine(
        (value) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value),
        'The folder must be a full path, such as /home/you/Sync or C:\\Users\\you\\Dropbox.',
      ),
  })
  .strict();
