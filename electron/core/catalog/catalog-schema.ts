import { z } from 'zod';

const httpUrl = z.string().regex(/^https?:\/\//i);
const groupSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  liveUrl: httpUrl,
  feedUrl: httpUrl.optional(),
  fallbackGroupId: z.string().optional(),
  closed: z.boolean().optional(),
  closedNote: z.string().optional(),
});
/** What a catalog file must hold; the bundled one is checked by its test. */
export const catalogSchema = z.object({
  schemaVersion: z.literal(1),
  courses: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().min(1),
      description: z.string(),
      homepage: httpUrl,
      sequences: z.array(
        z.object({
          id: z.string().min(1),
          title: z.string().min(1),
          feedUrl: httpUrl,
          archiveUrl: httpUrl,
          startedOn: z.string().optional(),
        }),
      ),
      groups: z.array(groupSchema),
    }),
  ),
});
