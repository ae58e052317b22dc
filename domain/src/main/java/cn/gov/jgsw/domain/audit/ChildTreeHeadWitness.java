package cn.gov.jgsw.domain.audit;

import cn.gov.jgsw.domain.audit.api.ChildTreeHeadWitnessedEvent;
import cn.gov.jgsw.domain.audit.api.WitnessChildTreeHeadCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A child bureau's tree head as its parent witnessed it (下级树头见证). Created once per head of the child and never
 * changed; the same head witnessed again records nothing more. The signature is checked by whoever verifies, not
 * here: the record is what the parent saw.
 */
@AggregateRoot
public class ChildTreeHeadWitness {

    @AggregateIdentifier
    private String witnessId;

    /** For Axon, which rebuilds the aggregate from its events. */
    protected ChildTreeHeadWitness() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(WitnessChildTreeHeadCommand command) {
        if (witnessId != null) {
            return;
        }
        apply(new ChildTreeHeadWitnessedEvent(command.witnessId(), command.tenantId(), command.childTenantId(),
                command.size(), command.rootHex(), command.issuedAt(), command.publicKeyHex(),
                command.signatureHex()));
    }

    @EventSourcingHandler
    void on(ChildTreeHeadWitnessedEvent event) {
        witnessId = event.witnessId();
    }
}
