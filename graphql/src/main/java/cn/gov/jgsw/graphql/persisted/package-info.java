/**
 * Persisted operations: outside the demo profile the API runs only the operations of the mobile contract's
 * manifest (and of its released manifests), named by id, over HTTP and over the socket.
 */
package cn.gov.jgsw.graphql.persisted;
