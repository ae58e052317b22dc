/**
 * Identity and access (身份与访问): Spring Authorization Server in the platform's process, the people who sign in,
 * the mobile app as a public PKCE client, access-token claims, and the security of the API.
 */
package cn.gov.jgsw.tenants.identity;
