/** WCAG 2.x relative luminance of a computed `rgb(r, g, b)` colour. */
function luminance(color: string): number {
  const channels = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const [r = 0, g = 0, b = 0] = channels.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two computed colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** Whether a computed colour is grey: its channels differ by at most `spread`. */
export function isGrey(color: string, spread = 24): boolean {
  const channels = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  return Math.max(...channels) - Math.min(...channels) <= spread;
}
