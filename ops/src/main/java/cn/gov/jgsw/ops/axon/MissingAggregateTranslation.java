package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A command naming an aggregate that does not exist, or an id of another kind of aggregate (say, an order id where a
 * vehicle id belongs), is answered "not found" with the domain's stable code, exactly like another bureau's object,
 * instead of surfacing Axon's own exceptions as internal errors.
 */
@Component
class MissingAggregateTranslation implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException | IncompatibleAggregateException missing) {
            throw new ObjectNotFoundException(unitOfWork.getMessage().getCommandName() + ": " + missing.getMessage());
        }
    }
}
