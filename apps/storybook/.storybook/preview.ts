import manifest from '@linli/widgets/custom-elements.json';
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@linli/widgets/all.js';
import '@linli/widgets/organizer';
import '@linli/widgets/define/linli-announcements.js';
import { argTypesFor, type Manifest } from './arg-types';

// Autodocs (attributes, properties, events, parts, CSS properties) come from the analyzer's manifest.
setCustomElementsManifest(manifest);

/** Themes are plain CSS custom properties set around the story, as a host page would set them. */
const themes: Record<string, string> = {
  light: '',
  dark: [
    'background:#0d1117',
    'color:#e6edf3',
    '--linli-color-text:#e6edf3',
    '--linli-color-background:#0d1117',
    '--linli-color-surface:#161b22',
    '--linli-color-border:#8b949e',
    '--linli-color-primary:#4493f8',
    '--linli-color-on-primary:#0d1117',
    '--linli-color-link:#4493f8',
    '--linli-color-progress:#3fb950',
    '--linli-color-progress-short:#d29922',
    '--linli-color-track:#30363d',
    '--linli-color-highlight:#3b2e00',
    '--linli-color-focus:#ffa657',
    '--linli-color-danger:#ff7b72',
  ].join(';'),
  'large-text': '--linli-font-scale:1.25;--linli-target:2.75rem',
};

const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'Language of every Linli element',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '中文' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Light, dark, or large text for older readers',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'large-text', title: 'Large text' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'zh-CN', theme: 'light' },
  decorators: [
    (story, context) => {
      // Elements read the document language, exactly as they would on a community site. On a docs
      // page Storybook wraps every story in its own `<div lang="en">` (its UI's language), which the
      // elements would read first; the wrapper below carries the toolbar's language inside it.
      const lang = String(context.globals.lang ?? 'zh-CN');
      document.documentElement.lang = lang;
      const style = themes[String(context.globals.theme ?? 'light')] ?? '';
      return html`<div lang=${lang} style=${style || 'display:block'} data-theme=${String(context.globals.theme ?? 'light')}>${story()}</div>`;
    },
  ],
  parameters: {
    // A violation fails the story test, not just the panel.
    a11y: { test: 'error' },
    docs: { extractArgTypes: (tag: string) => argTypesFor(manifest as Manifest, tag) },
  },
};

export default preview;
