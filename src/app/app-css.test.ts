import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The theme lives in CSS, where no type checker looks: these tests keep it whole. Every colour
// comes from a variable, the two dark blocks agree, and the pairs the pages use keep their contrast.
const appCss = readFileSync(new URL('./app.css', import.meta.url), 'utf8');
const inspectorCss = readFileSync(new URL('../features/inspector/components/inspector.css', import.meta.url), 'utf8');
// Every other stylesheet of the console: pages use the variables, and write no colour of their own.
const pageCss = [
  './endpoint-layout.css',
  '../features/resources/components/resources.css',
  '../features/resources/topology/topology.css',
  '../features/conformance/components/conformance.css',
]
  .map((path) => readFileSync(new URL(path, import.meta.url), 'utf8'))
  .join('\n');

const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|oklch|lab|lch)\(/i;

/** The body of the first rule whose selector text ends just before `{` at `selector`. */
function block(css: string, selector: string): string {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`app.css has no ${selector} block`);
  const open = css.indexOf('{', start);
  return css.slice(open + 1, css.indexOf('}', open));
}

function declarations(body: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g))
    found.set(match[1] as string, (match[2] as string).trim());
  return found;
}

const light = declarations(block(appCss, ':root'));
const systemDark = declarations(block(appCss, ':root:not([data-theme="light"])'));
const chosenDark = declarations(block(appCss, ':root[data-theme="dark"]'));
const dark = new Map([...light, ...chosenDark]);

function resolve(theme: Map<string, string>, name: string): string {
  const value = theme.get(name);
  if (value === undefined) throw new Error(`no ${name}`);
  const reference = /^var\((--[\w-]+)\)$/.exec(value);
  return reference === null ? value : resolve(theme, reference[1] as string);
}

function luminance(hex: string): number {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(theme: Map<string, string>, fg: string, bg: string): number {
  const [a, b] = [luminance(resolve(theme, fg)), luminance(resolve(theme, bg))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Text on background, as the pages put them together. */
const TEXT_PAIRS: readonly (readonly [string, string])[] = [
  ...['--fg', '--muted', '--link', '--accent'].flatMap((fg) =>
    ['--bg', '--panel', '--hover-bg', '--code-bg', '--table-stripe'].map((bg) => [fg, bg] as const),
  ),
  ['--fg', '--accent-bg'],
  ['--muted', '--accent-bg'],
  ['--accent', '--accent-bg'],
  ['--accent-solid-fg', '--accent-solid'],
  ...['ok', 'warn', 'error', 'info', 'neutral'].map((state) => [`--badge-${state}-fg`, `--badge-${state}-bg`] as const),
];

describe('the theme variables', () => {
  it('are all documented in the comment at the top of app.css', () => {
    const comment = appCss.slice(0, appCss.indexOf('*/'));
    const documented = new Set(comment.match(/--[\w-]+/g));
    const shown = (name: string) =>
      documented.has(name) || [...documented].some((d) => d.endsWith('-') && name.startsWith(d));
    expect([...light.keys()].filter((name) => !shown(name))).toEqual([]);
  });

  it('have the same dark values for the system theme and the chosen one', () => {
    expect(Object.fromEntries(systemDark)).toEqual(Object.fromEntries(chosenDark));
  });

  it('give every light variable a dark value, except the aliases', () => {
    const aliases = [...light].filter(([, value]) => value.startsWith('var(')).map(([name]) => name);
    expect([...light.keys()].filter((name) => !chosenDark.has(name) && !aliases.includes(name))).toEqual([]);
  });

  it('are the only place a colour is written', () => {
    const withoutThemes = [':root', ':root:not([data-theme="light"])', ':root[data-theme="dark"]'].reduce(
      (css, selector) => css.replace(block(css, selector), ''),
      appCss,
    );
    const lines = [...withoutThemes.split('\n'), ...inspectorCss.split('\n'), ...pageCss.split('\n')].filter(
      (line) => COLOUR_LITERAL.test(line) && !line.trim().startsWith('*') && !line.trim().startsWith('/*'),
    );
    expect(lines).toEqual([]);
  });

  it('are defined wherever the stylesheets use them', () => {
    const defined = new Set([...light.keys(), ...declarations(inspectorCss).keys()]);
    const used = [...`${appCss}\n${inspectorCss}\n${pageCss}`.matchAll(/var\((--[\w-]+)\)/g)].map(
      (match) => match[1] as string,
    );
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
  });

  for (const [themeName, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`keep text at 4.5:1 or more in the ${themeName} theme`, () => {
      const weak = TEXT_PAIRS.map(([fg, bg]) => ({
        fg,
        bg,
        ratio: Math.round(contrast(theme, fg, bg) * 100) / 100,
      })).filter(({ ratio }) => ratio < 4.5);
      expect(weak).toEqual([]);
    });

    it(`keep the focus ring at 3:1 or more against the surfaces in the ${themeName} theme`, () => {
      for (const bg of ['--bg', '--panel', '--code-bg'])
        expect(contrast(theme, '--focus-ring', bg)).toBeGreaterThanOrEqual(3);
    });
  }
});
