/**
 * @linli/core — the framework-agnostic domain model of Linli (邻里): exact numbers, typed errors and,
 * as the project grows, community, voting, funds, rotation and roles.
 *
 * @packageDocumentation
 */
export * from './errors/linli-error';
export * from './errors/result';
export * from './i18n/locale';
export { type ErrorCode, formatMessage, isErrorCode, type MessageParams } from './i18n/messages';
export * from './numbers/index';
