/** Queries and views of the designated suppliers, for the API. */
package cn.gov.jgsw.projections.suppliers.api;
