/**
 * Wiring of the API: its security chain, the caller taken from the access token into the GraphQL context.
 */
package cn.gov.jgsw.graphql.runtime;
