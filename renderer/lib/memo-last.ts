/**
 * `compute` remembering its last answer, given again while its arguments are
 * the same values (compared one by one, by identity). Several components
 * derive the same lists from the same cache (the marked emails, what the list
 * shows and its counts): with this they share one computation per change
 * instead of each repeating it over every email of the course.
 */
export function memoLast<A extends readonly unknown[], R>(
  compute: (...args: A) => R,
): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A): R => {
    if (last?.args.length === args.length && last.args.every((arg, i) => Object.is(arg, args[i])))
      return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}
