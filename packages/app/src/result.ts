// The public result page's entry (`dist/result.js`, its own build: see `vite.result.config.ts`),
// loaded on demand by the route that names `resultModule`.
import { ResultScreen } from './screens/print/result-screen.js';

if (!customElements.get('linli-result-screen')) customElements.define('linli-result-screen', ResultScreen);

declare global {
  interface HTMLElementTagNameMap {
    'linli-result-screen': ResultScreen;
  }
}
