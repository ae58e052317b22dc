/**
 * Queries and results of the personal-settings view.
 */
package cn.gov.jgsw.projections.people.api;
