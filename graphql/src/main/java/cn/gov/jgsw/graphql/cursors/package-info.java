/**
 * Opaque page cursors, signed and bound to the caller's tenant and person and to the list they page through.
 */
package cn.gov.jgsw.graphql.cursors;
