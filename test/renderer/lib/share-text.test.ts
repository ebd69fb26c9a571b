import { describe, expect, it } from 'vitest';
import type { ShareStatus } from '../../../electron/shared/types';
import { shareLine, sinceText } from '../../../renderer/lib/share-text';

const NOW = new Date('2026-11-30T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MINUTE = 60_000;

function status(change: Partial<ShareStatus>): ShareStatus {
  return {
    on: true,
    folder: '/home/learner/Sync/studyline',
    computer: { id: 'd1', name: 'desktop' },
    others: [],
    waiting: 0,
    pending: false,
    ...change,
  };
}

const laptop = { id: 'l1', name: 'laptop', lastChangeAt: ago(3 * MINUTE) };
const studyPc = { id: 's1', name: 'study-pc' };

describe('shareLine', () => {
  it('counts the other computers and says how long since the last change', () => {
    expect(shareLine(status({ others: [laptop], lastChangeAt: ago(3 * MINUTE) }), NOW, 'en')).toBe(
      'In step with 1 other computer · last change 3 minutes ago',
    );
    const lastWeek = { ...studyPc, lastChangeAt: ago(26 * 3_600_000) };
    expect(shareLine(status({ others: [laptop, lastWeek] }), NOW, 'en')).toBe(
      'In step with 2 other computers · last change 3 minutes ago',
    );
    // A change made here (this computer joining logs everything) is not news from the others.
    expect(shareLine(status({ others: [lastWeek], lastChangeAt: ago(0) }), NOW, 'en')).toBe(
      'In step with 1 other computer · last change yesterday',
    );
  });

  it('says it waits for the other computers before any has joined', () => {
    expect(shareLine(status({}), NOW, 'en')).toMatch(
      /^Waiting for your other computers: none has joined this folder yet\./,
    );
  });

  it('tells changes still arriving, and that sharing is off', () => {
    expect(shareLine(status({ others: [studyPc], waiting: 2 }), NOW, 'en')).toBe(
      'In step with 1 other computer · 2 changes still arriving',
    );
    expect(shareLine(status({ others: [studyPc], waiting: 1 }), NOW, 'en')).toMatch(
      /· 1 change still arriving$/,
    );
    expect(shareLine(status({ on: false, folder: undefined }), NOW, 'en')).toBe(
      'Off: your progress stays on this computer.',
    );
    const problem = { code: 'folder-missing', message: 'The shared folder … is not there.' };
    expect(shareLine(status({ others: [laptop], problem }), NOW, 'en')).toBe(
      'Not in step with your other computers right now.',
    );
  });
});

describe('sinceText', () => {
  it('speaks the learner’s language', () => {
    expect(sinceText(ago(3 * MINUTE), NOW, 'en')).toBe('3 minutes ago');
    expect(sinceText(ago(3 * MINUTE), NOW, 'fr')).toBe('il y a 3 minutes');
    expect(sinceText(ago(2 * 3_600_000), NOW, 'de')).toBe('vor 2 Stunden');
  });

  it('never says a change came from the future, and rounds months and years', () => {
    expect(sinceText(ago(-5 * MINUTE), NOW, 'en')).toBe('this minute');
    expect(sinceText(ago(90 * 24 * 3_600_000), NOW, 'en')).toBe('3 months ago');
    expect(sinceText(ago(800 * 24 * 3_600_000), NOW, 'en')).toBe('2 years ago');
  });
});
