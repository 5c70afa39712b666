/**
 * The events Linli elements fire, with their detail types. Every event bubbles and is composed, so a
 * listener on the element, an ancestor or the document receives it. The `HTMLElementEventMap` and
 * `GlobalEventHandlersEventMap` augmentations below type `addEventListener('linli-ballot-cast', e =>
 * e.detail.motionId)` without a cast.
 */

/** `linli-ballot-cast` (from `<linli-vote>`): a ballot was recorded. */
export interface LinliBallotCastDetail {
  /** The motion voted on (the element's `motion`). */
  readonly motionId: string;
  /** Who voted (the element's `voter`: an owner head key, a unit id or a resident id). */
  readonly voterId: string;
}

/** `linli-motion-select` (from `<linli-motion-list>`): a motion was chosen. */
export interface LinliMotionSelectDetail {
  /** The motion chosen. */
  readonly motionId: string;
}

/** `linli-swap-requested` (from `<linli-roster>`): a household proposed swapping a turn. */
export interface LinliSwapRequestedDetail {
  /** The duty whose turn is to be swapped (the element's `duty`). */
  readonly dutyId: string;
  /** The swap request's id as the core recorded it; `undefined` when the answer did not carry it. */
  readonly swapId: string | undefined;
}

/** `linli-signed-in` (from `<linli-sign-in>`): a household signed in to a community. */
export interface LinliSignedInDetail {
  /** The community signed in to (the element's `endpoint`). */
  readonly endpoint: string;
  /** The household's unit id, as the server answered. */
  readonly household: string;
}

/** Every Linli event by name, with its event type. */
export interface LinliEventMap {
  /** `<linli-vote>` recorded a ballot. */
  'linli-ballot-cast': CustomEvent<LinliBallotCastDetail>;
  /** `<linli-motion-list>`: a motion was chosen. */
  'linli-motion-select': CustomEvent<LinliMotionSelectDetail>;
  /** `<linli-roster>`: a household proposed swapping a turn. */
  'linli-swap-requested': CustomEvent<LinliSwapRequestedDetail>;
  /** `<linli-sign-in>`: a household signed in. */
  'linli-signed-in': CustomEvent<LinliSignedInDetail>;
}

declare global {
  interface HTMLElementEventMap extends LinliEventMap {}
  interface GlobalEventHandlersEventMap extends LinliEventMap {}
}
