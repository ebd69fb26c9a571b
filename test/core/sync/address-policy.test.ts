import { describe, expect, it } from 'vitest';
import {
  isPrivateAddress,
  sourceAddressGuard,
  type HostLookup,
} from '../../../electron/core/sync/address-policy';
import type { StudylineError } from '../../../electron/core/errors';

/** A make-believe internet: names resolve as the table says, nothing else resolves. */
function fakeDns(table: Record<string, string[]>): HostLookup {
  return (hostname) => {
    const found = table[hostname];
    return found ? Promise.resolve(found) : Promise.reject(new Error(`ENOTFOUND ${hostname}`));
  };
}

async function refusal(promise: Promise<unknown>): Promise<StudylineError> {
  try {
    await promise;
  } catch (error) {
    return error as StudylineError;
  }
  throw new Error('expected a refusal');
}

describe('which addresses are private', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.20',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.251',
    '::1',
    '[::1]',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:c0a8:114',
  ])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700::1111'])(
    '%s is on the internet',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe('the guard for a source', () => {
  const dns = fakeDns({
    'course.example': ['93.184.216.34'],
    'cdn.example': ['2606:4700::1111', '93.184.216.35'],
    'router.example': ['93.184.216.36', '192.168.1.1'],
    'intranet.example': ['10.1.2.3'],
    localhost: ['127.0.0.1', '::1'],
  });

  it('lets a source on the internet fetch from the internet', async () => {
    const guard = await sourceAddressGuard('https://course.example/feed/', dns);
    await expect(guard!.check('https://cdn.example/pic.png')).resolves.toBeUndefined();
  });

  it.each([
    ['http://127.0.0.1:8080/admin', 'this computer'],
    ['http://localhost/pic.png', 'this computer'],
    ['http://[::1]/pic.png', 'this computer'],
    ['http://0x7f.1/pic.png', 'this computer'],
    ['http://192.168.0.1/router.png', 'a private network'],
    ['http://intranet.example/secret.png', 'a private network'],
    ['http://router.example/pic.png', 'a private network'],
    ['http://169.254.169.254/latest/meta-data/', 'a private network'],
  ])('refuses %s for a source on the internet, after DNS', async (url, where) => {
    const guard = await sourceAddressGuard('https://course.example/feed/', dns);
    const error = await refusal(guard!.check(url));
    expect(error.code).toBe('private-address');
    expect(error.message).toContain(`it is on ${where}`);
    expect(error.message).toContain('the feed at https://course.example/feed/ is on the internet');
  });

  it("lets a learner's own local feed keep its local pictures", async () => {
    expect(await sourceAddressGuard('http://localhost:8080/feed.xml', dns)).toBeUndefined();
    expect(await sourceAddressGuard('http://192.168.1.20/feed/', dns)).toBeUndefined();
  });

  it('leaves a name that does not resolve to the fetch, which says so itself', async () => {
    const guard = await sourceAddressGuard('https://course.example/feed/', dns);
    await expect(guard!.check('https://nowhere.example/pic.png')).resolves.toBeUndefined();
  });
});
