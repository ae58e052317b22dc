package cn.gov.jgsw.graphql.updates;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who an event concerns, as updates, from every context's own {@link UpdatesOfAContext}: the approvers a request now
 * waits for, the requester of an order or a service request whose status changed.
 */
@Component
public class UpdatesOfEvents {

    private final List<UpdatesOfAContext> contexts;

    public UpdatesOfEvents(List<UpdatesOfAContext> contexts) {
        this.contexts = List.copyOf(contexts);
    }

    public List<MyUpdate> of(EventMessage<?> event) {
        return contexts.stream().flatMap(context -> context.of(event).stream()).toList();
    }
}
