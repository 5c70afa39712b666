import type { Preview } from '@storybook/web-components-vite';
import '@linli/widgets/all.js';

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
  },
  initialGlobals: { lang: 'zh-CN' },
  decorators: [
    (story, context) => {
      // Elements read the document language, exactly as they would on a community site.
      document.documentElement.lang = String(context.globals.lang ?? 'zh-CN');
      return story();
    },
  ],
  parameters: {
    // A violation fails the story test, not just the panel.
    a11y: { test: 'error' },
  },
};

export default preview;
