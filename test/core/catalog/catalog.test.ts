import { describe, expect, it } from 'vitest';
import bundled from '../../../resources/catalog.json';
import { loadCatalog } from '../../../electron/core/catalog/catalog';
import { catalogSchema } from '../../../electron/core/catalog/catalog-schema';

describe('the bundled catalog', () => {
  // It is loaded without a check at run time (commands start faster): the check is here.
  it('is a valid catalog, and is what loadCatalog gives', async () => {
    expect(catalogSchema.safeParse(bundled).success).toBe(true);
    expect(await loadCatalog()).toEqual(bundled);
    const ids = (await loadCatalog()).courses.flatMap((c) => c.sequences.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
