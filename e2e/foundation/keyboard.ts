import { expect, type Locator, type Page } from "@playwright/test";

/** Presses Tab until `target` has focus, as a keyboard user would, failing after `limit` stops. */
export async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let stop = 0; stop < limit; stop++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target} within ${limit} stops`);
}

/**
 * The focused element shows a focus indicator that can be seen: it matches :focus-visible, has
 * an outline or a ring, and is inside the viewport.
 */
export async function expectVisibleFocus(target: Locator) {
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  const focus = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      focusVisible: element.matches(":focus-visible"),
      outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
      ring: style.boxShadow !== "none",
    };
  });
  expect(focus.focusVisible, "the element matches :focus-visible").toBe(true);
  expect(focus.outline || focus.ring, "the element draws an outline or a ring").toBe(true);
}
