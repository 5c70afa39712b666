import { type LinliError, type Locale, linliError } from '@linli/core';
import type { WizardDraft } from './wizard-draft.js';

/** Dates in messages are read by people in China: always China time, whatever the device's zone. */
const CHINA = 'Asia/Shanghai';

/** An instant as a clock in China shows it, in the page's language (never a raw ISO text). */
export function chinaTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: CHINA,
  }).format(new Date(iso));
}

const refusal = (
  code: LinliError['code'],
  path: LinliError['path'],
  zh: string,
  en: string,
  params: LinliError['params'] = {},
): LinliError => ({ code, path, params, message: { 'zh-CN': zh, en } });

/**
 * What the wizard refuses beside its field before sending anything, in plain words: an empty title,
 * fewer than two options or an empty one for a choice motion, a closing time that is not in the future (the core drafts a
 * motion whose deadline has passed; nobody could ever vote on it). Undefined when the draft may go.
 */
export function checkDraft(d: WizardDraft, now: number): LinliError | undefined {
  if (d.title.trim() === '')
    return refusal('validation.too_small', ['title'], '请填写标题', 'Please enter a title', { minimum: 1 });
  if (d.kind !== 'proposal') {
    // The core's rule and words, checked here too so the refusal comes before anything is sent.
    if (d.options.length < 2) return linliError('motion.options_required', ['options']);
    const empty = d.options.findIndex((o) => o.label.trim() === '');
    if (empty >= 0) {
      const n = String(empty + 1);
      return refusal(
        'validation.too_small',
        ['options', empty, 'label'],
        `请填写选项 ${n}，或删除它`,
        `Please fill in option ${n}, or remove it`,
        { minimum: 1 },
      );
    }
  }
  const closes = new Date(d.closesAt).getTime();
  if (!Number.isNaN(closes) && closes <= now) {
    const at = new Date(closes).toISOString();
    return {
      code: 'motion.past_deadline',
      path: ['closesAt'],
      params: { closesAt: at },
      message: {
        'zh-CN': `截止时间 ${chinaTime(at, 'zh-CN')}（北京时间）已经过去，请选一个以后的时间`,
        en: `The closing time ${chinaTime(at, 'en')} (China time) has passed; please pick a later time`,
      },
    };
  }
  return undefined;
}
