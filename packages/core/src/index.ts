/**
 * @linli/core — the framework-agnostic domain model of Linli (邻里): exact numbers, typed bilingual
 * errors, the community model, a tamper-evident event log with stores, and a reactive facade.
 *
 * @packageDocumentation
 */
export * from './community/commands';
export { type DecideContext, decideCommunity } from './community/decide';
export * from './community/electorate';
export * from './community/events';
export * from './community/queries';
export * from './community/state';
export * from './community/types';
export * from './errors/linli-error';
export * from './errors/result';
export * from './governance/commands';
export * from './governance/community-view';
export { type DecidedEvent, decide } from './governance/decide';
export * from './governance/governance';
export * from './governance/snapshot';
export * from './governance/state';
export * from './i18n/locale';
export { type ErrorCode, formatMessage, isErrorCode, type MessageParams } from './i18n/messages';
export * from './log/canonical-json';
export * from './log/event';
export * from './log/memory-store';
export * from './log/store';
export * from './log/verify';
export * from './numbers/index';
export * from './time/clock';
export * from './time/ids';
export * from './time/local-date';
export { parseWith } from './validation/zod-errors';
