/**
 * The platform's event store (事件库): Axon's storage engine on the MongoDB driver, with a global position per event,
 * gap-aware tracking that never skips a committed event, commits that become visible whole, and the canonical form and
 * SM3 hash of every event for the audit ledger. Format and reasons: {@code docs/event-store.md}, ADR 0005.
 */
package cn.gov.jgsw.ops.eventstore;
