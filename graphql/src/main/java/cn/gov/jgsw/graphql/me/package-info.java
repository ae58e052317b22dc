/**
 * The {@code me} query: who the signed-in person is, in which bureau and unit, with which roles.
 */
package cn.gov.jgsw.graphql.me;
