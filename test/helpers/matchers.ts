import { expect } from 'vitest';

// vitest types its asymmetric matchers as `any`, which switches type checking off for
// every object they are put in. These say what they stand in for: a piece of text.

/** Any text matching `pattern`, inside toMatchObject/objectContaining. */
export const textMatching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;

/** Any text containing `part`, inside toMatchObject/objectContaining. */
export const textContaining = (part: string): string => expect.stringContaining(part) as string;

/** Any text at all, inside toMatchObject/objectContaining/toHaveBeenCalledWith. */
export const anyText = (): string => expect.any(String) as string;
