import { StudylineError } from '../errors';

/** Checks that a pasted address is one Studyline may fetch at all. */
export function parseLearnerUrl(input: string): URL {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    throw new StudylineError('bad-url', `"${text}" is not a web address.`, {
      hint: 'Paste the address of the course blog, a category page or its feed, e.g. https://mechanicalmooc.wordpress.com/category/seq21oct13/',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StudylineError(
      'bad-url',
      `Studyline can only follow web addresses (http or https), not "${url.protocol}" ones.`,
    );
  }
  return url;
}
