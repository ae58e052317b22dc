/**
 * Demo data that goes through the domain (as commands, so it is in the event log like real data): the demo fleet.
 * Demo profile only.
 */
package cn.gov.jgsw.ops.demo;
