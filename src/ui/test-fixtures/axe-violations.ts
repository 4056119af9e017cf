import axe from 'axe-core';

/**
 * axe-core's WCAG 2.x A/AA rules over a rendered screen, as "rule: target" strings. jsdom does no layout,
 * so colour contrast is checked by hand in styles/module.css (ratios noted there), not here.
 */
export async function axeViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
