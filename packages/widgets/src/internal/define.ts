/** Tags already warned about, so that a page loading two bundles hears of it once, not per import. */
const warned = new Set<string>();

/**
 * Registers `tag` once. Registering it again with the same class (one bundle imported twice, or hot
 * reload) is silent. Registering it with another class — two different copies or versions of
 * `@linli/widgets` on one page — keeps the first (the browser cannot replace it) and warns once
 * (`console.warn`), as Spectrum's `defineElement` does, since the page may then not behave as the
 * second copy's author expects.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
    return;
  }
  if (existing === element || warned.has(tag)) return;
  warned.add(tag);
  console.warn(
    `<${tag}> is already defined by another class (${existing.name || 'anonymous'}); keeping it, ignoring ${element.name || 'the new one'}. Two copies of @linli/widgets may be loaded on this page.`,
  );
}
