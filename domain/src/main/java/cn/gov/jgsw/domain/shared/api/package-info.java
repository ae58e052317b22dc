/**
 * What every bounded context shares: the error-code contract and the base of business-rule refusals.
 */
package cn.gov.jgsw.domain.shared.api;
