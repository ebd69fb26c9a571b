import { describe, expect, test } from 'vitest';
import { questionText } from '../../../renderer/lib/question-text';

describe('the copied question', () => {
  test('names the email, links it and starts with the learner’s note', () => {
    expect(
      questionText({
        courseTitle: 'A Gentle Introduction to Python',
        order: 7,
        title: 'Loops and the turtle',
        link: 'https://blog.example/loops',
        note: '  Why does the spiral grow?  ',
      }),
    ).toBe(
      'Question about “Loops and the turtle” (A Gentle Introduction to Python, email 7)\n' +
        'https://blog.example/loops\n\nWhy does the spiral grow?',
    );
  });

  test('without a note or a link it still reads as the start of a question', () => {
    expect(questionText({ order: 2, title: '' })).toBe(
      'Question about “Untitled email”\n\nMy question: ',
    );
  });
});
