package cn.gov.jgsw.graphql.runtime;

/**
 * Whether a read model holds events of an object back in its dead-letter queue: it could not apply one of them, and
 * the object's later events wait behind it until an operator retries or evicts it (docs/operations.md). A mutation of
 * such an object will not see its view catch up, so it answers at once instead of after its patience.
 */
public interface DeadLetteredObjects {

    /** Whether any read model's dead-letter queue holds an event of the aggregate. */
    boolean holdEventsOf(String aggregateId);
}
