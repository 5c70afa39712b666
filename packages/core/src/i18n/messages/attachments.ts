import type { MessageTemplates } from '../message-table.js';

/** What attachments (photos and scans of receipts and invoices, notices' files) are refused for. */
export const attachmentMessages = {
  'attachment.bad_hash': {
    'zh-CN': () => '附件编号无效：应为 64 位小写十六进制的 SHA-256',
    en: () => 'The attachment id is not valid: it must be a SHA-256 of 64 lowercase hex digits',
  },
  'attachment.missing': {
    'zh-CN': (p) => `附件 ${String(p.sha256).slice(0, 12)}… 不在服务器上：请先上传文件`,
    en: (p) => `Attachment ${String(p.sha256).slice(0, 12)}… is not on the server: upload the file first`,
  },
  'attachment.too_large': {
    'zh-CN': (p) => `文件过大：最多 ${Math.floor(Number(p.limit) / 1024)} KB`,
    en: (p) => `The file is too large: at most ${Math.floor(Number(p.limit) / 1024)} KB`,
  },
  'attachment.unsupported_type': {
    'zh-CN': () => '只接受 JPEG、PNG、WebP 图片或 PDF 文件',
    en: () => 'Only JPEG, PNG or WebP images and PDF files are accepted',
  },
  'attachment.empty': {
    'zh-CN': () => '文件为空',
    en: () => 'The file is empty',
  },
  'attachment.not_found': {
    'zh-CN': () => '找不到该附件',
    en: () => 'There is no such attachment',
  },
} satisfies Record<string, MessageTemplates>;
