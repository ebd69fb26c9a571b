/**
 * A body shaped like a real Mechanical MOOC archive post as WordPress serves
 * it in content:encoded (about 7 KB): the send line, paragraphs with links,
 * an assignment list, a code block, a sign-off, and WordPress.com's share
 * links. (Its comment-count and stats-pixel images are left out: a benchmark
 * must not reach past the loopback server.)
 */
export function realisticEmailBody(n: number, sentLine: string): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>This week we look at <strong>part ${i + 1}</strong> of lesson ${n}. Read the <a href="http://ocw.mit.edu/courses/6-189/lecture-${n}-${i}">lecture notes</a>, then try the <a href="https://www.codecademy.com/courses/python/${n}/${i}">exercises on Codecademy</a>. If you get stuck, <em>post your question</em> in your study group: someone is probably stuck on the same line.</p>`,
  ).join('\n');
  const tasks = Array.from(
    { length: 5 },
    (_, i) =>
      `<li>Exercise ${n}.${i + 1}: <a href="http://ocw.mit.edu/6-189/hw${n}#ex${i}">read it</a>, solve it, and share your answer.</li>`,
  ).join('');
  return `<p>${sentLine}</p>
<p>Hello Pythonistas!</p>
${paragraphs}
<h3>This week&#8217;s assignments</h3>
<ol>${tasks}</ol>
<pre><code>def greet(name):
    """Say hello to a fellow learner."""
    return "Hello, " + name + "!"

for learner in ["Ada", "Guido", "Grace"]:
    print(greet(learner))</code></pre>
<blockquote><p>&#8220;There is no penalty for working faster or slower than the schedule.&#8221;</p></blockquote>
<p>Happy hacking,<br />The Mechanical MOOC team</p>
<div id="jp-post-flair" class="sharedaddy sd-like-enabled sd-sharing-enabled"><div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a rel="nofollow" href="https://mechanicalmooc.wordpress.com/2013/lesson-${n}/?share=twitter" class="share-twitter" title="Click to share on Twitter"><span>Twitter</span></a></li><li><a rel="nofollow" href="https://mechanicalmooc.wordpress.com/2013/lesson-${n}/?share=facebook" class="share-facebook" title="Share on Facebook"><span>Facebook</span></a></li></ul></div></div>
`;
}
