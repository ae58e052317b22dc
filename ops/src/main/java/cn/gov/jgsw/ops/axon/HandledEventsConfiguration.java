package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.graphql.runtime.HandledEvents;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event processor tells {@link HandledEvents} when it has handled an event of an aggregate, so that a mutation
 * waiting for its view reads it at once. Its view is written by then: projections write as each event is handled,
 * not at the end of a batch (ADR 0015).
 */
@Configuration(proxyBeanMethods = false)
class HandledEventsConfiguration {

    @Bean
    ConfigurerModule handledEventsWakeWaitingMutations(HandledEvents handledEvents) {
        MessageHandlerInterceptor<EventMessage<?>> interceptor = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                handledEvents.handled(event.getAggregateIdentifier());
            }
            return result;
        };
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> interceptor);
    }
}
