/**
 * Read models (投影) in MongoDB, built from the event log: every document carries its {@code tenantId}, first in every
 * compound index. One package per view; its {@code api} package holds the queries and views others may use.
 */
package cn.gov.jgsw.projections;
