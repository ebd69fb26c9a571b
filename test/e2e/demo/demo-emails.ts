import type { ArchivePost, ArchiveResponse } from '../../helpers/wordpress-feed';
import { longDate } from '../../helpers/wordpress-feed';

export const TURTLE_IMAGE_PATH = '/wp-content/uploads/2013/11/square-spiral.png';

interface DemoEmail {
  title: string;
  intro: string;
  code?: string;
  outro?: string;
}

const EMAILS: DemoEmail[] = [
  {
    title: 'Welcome to A Gentle Introduction to Python',
    intro:
      'Welcome, Pythonistas! Over the next eight weeks you will receive an email every few days with readings, exercises and a nudge to talk to your study group.',
  },
  {
    title: 'Installing Python and your very first program',
    intro: 'This week we install Python and meet the interactive shell.',
    code: 'print("Hello, world!")\nname = input("What is your name? ")\nprint("Nice to meet you,", name)',
  },
  {
    title: 'Variables, types and the interactive shell',
    intro: 'Numbers, strings and booleans are the building blocks of every program.',
    code: '>>> 7 / 2\n3.5\n>>> 7 // 2\n3\n>>> type("seven")\n<class \'str\'>',
  },
  {
    title: 'Check-in: how is your study group going?',
    intro:
      'Two weeks in! Take five minutes to post in your study group: what clicked, and what is still fuzzy?',
  },
  {
    title: 'Conditionals: making decisions with if, elif and else',
    intro: 'Programs become interesting when they can choose.',
    code: 'def grade(score):\n    if score >= 90:\n        return "A"\n    elif score >= 75:\n        return "B"\n    else:\n        return "keep going"',
  },
  {
    title: 'Functions: define once, use everywhere',
    intro:
      'A function gives a name to a piece of work. Once named, you can reuse it, test it and explain it to your study group.',
    code: 'def area_of_circle(radius):\n    """Return the area of a circle of the given radius."""\n    return 3.14159 * radius ** 2\n\nprint(area_of_circle(2))',
    outro:
      'Exercise 2.4 asks you to write a function that converts Celsius to Fahrenheit. Post your version in your group and compare.',
  },
  {
    title: 'Loops and the turtle: drawing a square spiral',
    intro:
      'This week the turtle module lets you see your loops. Each pass of the loop draws one side, a little longer than the last:',
    code: 'import turtle\n\nt = turtle.Turtle()\nfor side in range(40):\n    t.forward(side * 5)\n    t.left(90)\n\nturtle.done()',
    outro:
      'Change the angle from 90 to 91 and run it again. What happens, and why? Share a screenshot of your spiral in your study group.',
  },
  {
    title:
      'Lists, tuples, and the surprisingly long story of why mutable default arguments surprise everyone at least once in their Python career',
    intro: 'Lists can change; tuples cannot. That difference matters more than it seems.',
    code: "def add_item(item, basket=[]):\n    basket.append(item)\n    return basket\n\nprint(add_item(\"apple\"))   # ['apple']\nprint(add_item(\"pear\"))    # ['apple', 'pear'] ?!",
  },
  {
    title: 'Dictionaries: looking things up by name',
    intro: 'A dictionary maps keys to values, like a real dictionary maps words to definitions.',
    code: 'ages = {"Ada": 36, "Alan": 41}\nages["Grace"] = 85\nfor name, age in sorted(ages.items()):\n    print(name, age)',
  },
  {
    title: 'Project 1: tic-tac-toe',
    intro:
      'Time to put it together: a two-player tic-tac-toe game in the shell. Start from the board, then the moves, then the winner.',
  },
  {
    title: 'Recursion: functions that call themselves',
    intro: 'Some problems are easiest to solve by solving a smaller copy of themselves first.',
    code: 'def factorial(n):\n    return 1 if n <= 1 else n * factorial(n - 1)',
  },
  {
    title: 'Objects and classes',
    intro: 'Classes bundle data with the functions that work on it.',
    code: 'class Point:\n    def __init__(self, x, y):\n        self.x, self.y = x, y\n\n    def distance_to(self, other):\n        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5',
  },
  {
    title: 'Reading and writing files',
    intro: 'Your programs can remember things between runs by writing files.',
    code: 'with open("notes.txt", "w") as f:\n    f.write("Python is fun\\n")',
  },
  {
    title: 'Project 2: a word-frequency counter',
    intro:
      'Count the words of a book from Project Gutenberg and print the twenty most common ones.',
  },
  {
    title: 'Where to go next',
    intro: 'You made it to the last week. Here are the next steps our past learners enjoyed most.',
  },
  {
    title: 'Thank you, and a last word from the Mechanical MOOC',
    intro: 'Thank you for learning with us, and for helping each other in the study groups.',
  },
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function bodyOf(email: DemoEmail, n: number, sentOn: string, origin: string): string {
  const parts = [
    `<p>Seq21Oct13: Sent ${longDate(sentOn)}.</p>`,
    `<p>${escapeHtml(email.intro)}</p>`,
  ];
  if (email.code) parts.push(`<pre><code>${escapeHtml(email.code)}</code></pre>`);
  if (n === 7) {
    parts.push(
      `<p><img src="${origin}${TURTLE_IMAGE_PATH}" alt="The square spiral drawn by the loop above" width="480" height="240"></p>`,
    );
  }
  if (email.outro) parts.push(`<p>${escapeHtml(email.outro)}</p>`);
  parts.push(
    `<h3>This week's reading</h3><ul><li><a href="https://docs.python.org/3/tutorial/">The Python Tutorial</a>, sections ${n} and ${n + 1}</li>` +
      `<li><a href="https://ocw.mit.edu/courses/6-189-a-gentle-introduction-to-programming-using-python-january-iap-2011/">MIT OpenCourseWare 6.189</a>, exercise ${n}.${(n % 4) + 1}</li></ul>`,
    `<p>Stuck? That is normal. Ask in your study group: explaining your question is half of the answer.</p><p>— The Mechanical MOOC team</p>`,
  );
  return parts.join('\n');
}

/** Sixteen emails of the course, one every four days from 21 October 2013. */
export function demoPosts(origin: string): ArchivePost[] {
  return EMAILS.map((email, i) => {
    const n = i + 1;
    const sentOn = new Date(Date.parse('2013-10-21T00:00:00Z') + i * 4 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return {
      n,
      title: email.title,
      sentOn,
      pubDate: new Date(Date.parse('2014-06-01T10:00:00Z') - n * 60_000).toUTCString(),
      body: bodyOf(email, n, sentOn, origin),
      responses: n === 4 ? CHECK_IN_RESPONSES : [],
    };
  });
}

/** The discussion under the check-in email, as readers left it on the blog. */
const CHECK_IN_RESPONSES: ArchiveResponse[] = [
  {
    author: 'Priya',
    date: '2013-11-03T08:12:00Z',
    html: '<p>Our group is three people in three time zones, so we rarely meet live. How do you stay accountable when you study alone, at your own pace?</p>',
  },
  {
    author: 'The Mechanical MOOC team',
    date: '2013-11-03T15:40:00Z',
    html: '<p>Learn at your own pace, but say out loud what that pace is: post your plan for the week in your group on Monday, and tick it off on Friday. A quiet group still reads. And if yours stays quiet, try the larger 6.00 group.</p>',
  },
];
