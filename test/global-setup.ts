import type { TestProject } from 'vitest/node';
import {
  REQUIRE_TOOLS,
  TOOLS,
  missingToolError,
  skipLine,
  type ToolId,
} from './helpers/needs-tool';

/**
 * Looks for the programs some tests need, once per run, and tells the test files
 * (toolPath()). A missing one is skipped with one line, or fails the run under
 * STUDYLINE_REQUIRE_TOOLS=1 (CI).
 */
export default function setup(project: TestProject): void {
  const required = process.env[REQUIRE_TOOLS] === '1';
  const found: Partial<Record<ToolId, string>> = {};
  for (const id of Object.keys(TOOLS) as ToolId[]) {
    const lookup = TOOLS[id].find(process.env);
    if (lookup.path !== undefined) {
      found[id] = lookup.path;
      continue;
    }
    if (required) throw missingToolError(id, lookup.problem);
    console.warn(skipLine(id, lookup.problem));
  }
  project.provide('tools', found);
}
