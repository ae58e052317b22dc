/**
 * The business of agency-affairs bureaus (机关事务), one package per bounded context.
 * Each context's {@code api} package is its public contract: commands, events, value records and error codes.
 * Nothing here knows Spring, MongoDB or GraphQL.
 */
package cn.gov.jgsw.domain;
