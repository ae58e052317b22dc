/**
 * Units of the caller's bureau: one by id, or a page of them.
 */
package cn.gov.jgsw.graphql.units;
