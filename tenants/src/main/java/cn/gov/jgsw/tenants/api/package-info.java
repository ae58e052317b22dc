/**
 * What other modules may use of tenancy and identity: tenants, units, roles and the authenticated caller.
 */
package cn.gov.jgsw.tenants.api;
