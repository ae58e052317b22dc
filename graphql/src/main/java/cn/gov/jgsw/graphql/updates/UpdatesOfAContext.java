package cn.gov.jgsw.graphql.updates;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * The updates one context's events send to phones: whom an event concerns and what they are told. Each context
 * declares one, next to its controllers; {@link UpdatesOfEvents} asks them all, so a new context adds its updates
 * without touching a central list.
 */
public interface UpdatesOfAContext {

    /** The updates the event causes; empty for an event of another context or one that concerns nobody's phone. */
    List<MyUpdate> of(EventMessage<?> event);
}
