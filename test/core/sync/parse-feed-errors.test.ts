import { describe, expect, it } from 'vitest';
import { StudylineError } from '../../../electron/core/errors';
import { parseFeed } from '../../../electron/core/sync/parse-feed';

const URL = 'https://groups.example.org/feed';

async function failure(text: string): Promise<StudylineError> {
  const error: unknown = await parseFeed(text, URL).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StudylineError);
  return error as StudylineError;
}

describe('parseFeed: learner-readable failures', () => {
  it('says an empty or blank body is empty', async () => {
    expect((await failure('')).code).toBe('empty');
    const blank = await failure(' \n\t ');
    expect(blank.code).toBe('empty');
    expect(blank.message).toBe(`The feed at ${URL} is empty.`);
  });

  it('says an HTML page is a web page, not a feed', async () => {
    const page =
      '<!DOCTYPE html>\n<html lang="en"><head><title>Forum</title></head><body>Hi</body></html>';
    const error = await failure(page);
    expect(error.code).toBe('not-a-feed');
    expect(error.message).toBe(`${URL} is a web page, not a feed.`);
    expect(error.hint).toMatch(/RSS, Atom or JSON feed/);
    expect((await failure('<html><body><p>no doctype</p></body></html>')).code).toBe('not-a-feed');
  });

  it('says other documents are not feeds', async () => {
    expect((await failure('<?xml version="1.0"?><opml version="2.0"><body/></opml>')).code).toBe(
      'not-a-feed',
    );
    expect((await failure('{"hello": "world"}')).code).toBe('not-a-feed');
    expect((await failure('Just some plain text')).code).toBe('not-a-feed');
  });

  it('says a truncated feed is damaged', async () => {
    const cut =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Group</title><item><title>Half an it';
    const error = await failure(cut);
    expect(error.code).toBe('parse');
    expect(error.message).toBe(`The feed at ${URL} is damaged (it ends too early, as if cut off).`);
  });

  it('says broken XML is damaged and where: at the element left open, not where sax noticed', async () => {
    const error = await failure(
      '<rss version="2.0">\n<channel>\n<title>x</wrong>\n</channel></rss>',
    );
    expect(error.code).toBe('parse');
    expect(error.message).toMatch(
      /is damaged \(the <title> element opened at line 3 is never closed\)/,
    );
    const attribute = await failure('<rss version="2.0">\n<channel>\n<title a=1>x</title>');
    expect(attribute.message).toMatch(/is damaged \(the XML is broken near line 3\)/);
  });

  it('says broken or cut-off JSON Feed is damaged', async () => {
    const error = await failure(
      '{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": "cut',
    );
    expect(error.code).toBe('parse');
    expect(error.message).toMatch(
      /^The feed at .* is damaged \(the JSON is broken or cut off\)\.$/,
    );
    const noItems = await failure(
      '{"version": "https://jsonfeed.org/version/1.1", "items": "none"}',
    );
    expect(noItems.message).toMatch(/it has no list of items/);
  });

  it('does not expand a billion-laughs entity bomb', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => {
      const ref = `&lol${i};`.repeat(10);
      return `<!ENTITY lol${i + 1} "${ref}">`;
    }).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${entities}]>
      <rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>`;
    const feed = await parseFeed(bomb, URL);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.title).not.toContain('lollol');
    expect(JSON.stringify(feed).length).toBeLessThan(500);
  });

  it('never reads external entities', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>t</title><item><title>&xxe;</title></item></channel></rss>`;
    const feed = await parseFeed(xxe, URL);
    expect(feed.items).toHaveLength(1);
    expect(JSON.stringify(feed)).not.toMatch(/root:/);
  });

  it('reports absurdly nested markup as damaged', async () => {
    const depth = 50_000;
    const deep = `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;
    const error = await failure(
      `<rss version="2.0"><channel><item><description>${deep}</description></item></channel></rss>`,
    );
    expect(error.code).toBe('parse');
    expect(error.message).toMatch(/nested too deeply/);
  });

  it('reports a channel-less RSS document as damaged, not with a raw TypeError', async () => {
    const error = await failure('<rss version="2.0"><nochannel/></rss>');
    expect(error.code).toBe('parse');
  });
});
