/**
 * Registers `tag` once. A second registration (two bundles on one page, or hot reload) is ignored
 * instead of throwing, as long as it is the same tag.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
