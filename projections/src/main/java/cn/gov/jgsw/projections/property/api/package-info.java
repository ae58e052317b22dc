/** Queries, views and settings of property services. */
package cn.gov.jgsw.projections.property.api;
