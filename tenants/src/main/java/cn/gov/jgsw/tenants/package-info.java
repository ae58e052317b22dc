/**
 * Bureaus as tenants (租户): the registry and its hierarchy, the caller's tenant context and its propagation into
 * message metadata, and identity (the authorization server, users, roles).
 */
package cn.gov.jgsw.tenants;
