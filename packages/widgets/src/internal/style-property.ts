import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/**
 * Sets one CSS property on an element through the CSSOM (`style.setProperty`), never as a `style`
 * attribute: a page whose Content Security Policy allows no inline style (the Linli page shell's)
 * blocks the attribute `styleMap` writes on its first render, and a tally's bars would lose their width.
 */
class StyleProperty extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProperty belongs on an element');
  }

  render(_name: string, _value: string): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [name, value]: [string, string]): typeof noChange {
    (part.element as HTMLElement).style.setProperty(name, value);
    return noChange;
  }
}

/** `<div ${styleProperty('width', '40%')}>`: one CSS property, set through the CSSOM. */
export const styleProperty = directive(StyleProperty);
