// Emoji decorate a value (`📊 histogram`, `🔴 P1`): a reader sees the word. Pictographs with their joiners,
// variation selectors, skin tones and keycaps are blanked, so offsets still hold.
const EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Emoji_Modifier}|\uFE0F|\u20E3|\u200D(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}))*\uFE0F?/gu;

/** The text with its emoji replaced by spaces of the same length. */
export function blankEmoji(text: string): string {
  return /[^\x00-\u2000]/.test(text) ? text.replace(EMOJI, (e) => ' '.repeat(e.length)) : text;
}
