import type { Prefs } from './prefs.js';

/**
 * The colours of each theme, as the `--linli-color-*` properties every Linli element reads. Text,
 * links and controls keep at least 4.5:1 against the page and the surface (WCAG 2.2 AA), borders and
 * focus rings at least 3:1. A disabled control is grey (`disabled`, `on-disabled`, still 4.5:1) rather than
 * a faded primary, so it never looks pressable.
 */
export const PALETTES = {
  light: {
    background: '#ffffff',
    surface: '#f6f8fa',
    text: '#1f2328',
    muted: '#545d68',
    border: '#6e7781',
    primary: '#0b5cad',
    'on-primary': '#ffffff',
    link: '#0b5cad',
    focus: '#bf4b00',
    danger: '#b3261e',
    success: '#1a7f37',
    track: '#d8dee4',
    progress: '#1a7f37',
    'progress-short': '#9a6700',
    'progress-text': '#1a7f37',
    highlight: '#fff8c5',
    'highlight-border': '#9a6700',
    disabled: '#eaeef2',
    'on-disabled': '#545d68',
  },
  dark: {
    background: '#0d1117',
    surface: '#161b22',
    text: '#e6edf3',
    muted: '#9da7b3',
    border: '#8b949e',
    primary: '#4493f8',
    'on-primary': '#0d1117',
    link: '#58a6ff',
    focus: '#ffa657',
    danger: '#ff7b72',
    success: '#3fb950',
    track: '#30363d',
    progress: '#3fb950',
    'progress-short': '#d29922',
    'progress-text': '#3fb950',
    highlight: '#3b2e00',
    'highlight-border': '#d29922',
    disabled: '#21262d',
    'on-disabled': '#9da7b3',
  },
} as const;

/** The theme in effect: the chosen one, or the device's when following it. */
export const resolvedTheme = (prefs: Prefs, systemDark: boolean): 'light' | 'dark' =>
  prefs.theme === 'system' ? (systemDark ? 'dark' : 'light') : prefs.theme;

/**
 * Puts the choices on `<html>`: `lang` (the widgets' LocaleController follows it), `data-theme`,
 * `data-large-text`, `color-scheme`, and the `--linli-*` properties (through the CSSOM, which the
 * pages' CSP allows, unlike a `style` attribute), so every element on the page follows.
 */
export function applyPrefs(root: HTMLElement, prefs: Prefs, systemDark: boolean): void {
  const theme = resolvedTheme(prefs, systemDark);
  root.lang = prefs.language;
  root.dataset.theme = theme;
  root.toggleAttribute('data-large-text', prefs.largeText);
  root.style.setProperty('color-scheme', theme);
  for (const [name, value] of Object.entries(PALETTES[theme]))
    root.style.setProperty(`--linli-color-${name}`, value);
  root.style.setProperty('--linli-font-scale', prefs.largeText ? '1.25' : '1');
  root.style.setProperty('--linli-target', prefs.largeText ? '3.5rem' : '2.75rem');
  root.style.setProperty('background-color', PALETTES[theme].background);
  root.style.setProperty('color', PALETTES[theme].text);
}
