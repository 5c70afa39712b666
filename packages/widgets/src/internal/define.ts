/** Tags already warned about, so that a page loading two bundles hears of it once, not per import. */
const warned = new Set<string>();

/**
 * Registers `tag` once. Registering it again with the same class (one bundle imported twice, or hot
 * reload) is silent. Registering it with another class — two different copies or versions of
 * `@linli/widgets` on one page — keeps the first (the browser cannot replace it) and warns once per
 * tag (`console.warn`, with both classes), as Spectrum's `defineElement` does: the page may then not
 * behave as the second copy's author expects. The message is short because every element entry
 * carries it.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element && !warned.has(tag)) {
    warned.add(tag);
    console.warn(
      `<${tag}> is already defined by another class; two copies of @linli/widgets?`,
      existing,
      element,
    );
  }
}
