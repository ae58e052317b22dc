/**
 * The mobile contract as resources: the GraphQL SDL under {@code graphql/} and the error messages under
 * {@code i18n/}. Nothing here runs.
 */
package cn.gov.jgsw.contract;
