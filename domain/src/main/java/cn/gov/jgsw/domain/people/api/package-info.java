/**
 * Public contract of the people context: commands, events and value records.
 */
package cn.gov.jgsw.domain.people.api;
