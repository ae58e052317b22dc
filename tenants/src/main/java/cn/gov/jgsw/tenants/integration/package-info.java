/**
 * Integration clients at run time: the registry kept from their events, the verifiers of their secrets, how they
 * authenticate at the token endpoint, and the security of the machine endpoints under {@code /integration}.
 */
package cn.gov.jgsw.tenants.integration;
