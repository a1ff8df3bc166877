import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

function describeViolation(violation: Violation) {
  const nodes = violation.nodes.slice(0, 5).map((node) => {
    const summary = node.failureSummary?.replace(/\s+/g, " ").trim();
    return `    at ${node.target.join(" ")}${summary ? `\n      ${summary}` : ""}`;
  });
  const more = violation.nodes.length > 5 ? [`    …and ${violation.nodes.length - 5} more`] : [];
  return [
    `[${violation.impact}] ${violation.id}: ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...nodes,
    ...more,
  ].join("\n");
}

/**
 * Runs axe on the page as it is now and fails on serious or critical violations; minor and
 * moderate ones are attached to the report without failing the test.
 */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ""));
  const other = results.violations.filter((v) => !BLOCKING_IMPACTS.has(v.impact ?? ""));

  if (other.length) {
    await test.info().attach(`axe (minor) ${new URL(page.url()).pathname}`, {
      body: other.map(describeViolation).join("\n\n"),
      contentType: "text/plain",
    });
  }

  // Comparing descriptions rather than result objects keeps the failure readable.
  expect(
    blocking.map(describeViolation),
    `serious accessibility violations on ${page.url()}`,
  ).toEqual([]);
}
