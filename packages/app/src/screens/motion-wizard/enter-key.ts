/**
 * A form's keydown handler: Enter in a one-line field (title, option, number, date) would submit the
 * whole form, saving a draft the organizer never asked for; only the Save button (clicked, or Enter on
 * it) saves. Enter in a text area still makes a new line.
 */
export function keepEnterFromSubmitting(event: KeyboardEvent): void {
  if (event.key !== 'Enter') return;
  const target = event.composedPath()[0];
  if (target instanceof HTMLInputElement) event.preventDefault();
}
