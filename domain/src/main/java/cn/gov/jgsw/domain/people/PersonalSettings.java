package cn.gov.jgsw.domain.people;

import cn.gov.jgsw.domain.people.api.ChangeDisplayLanguageCommand;
import cn.gov.jgsw.domain.people.api.DisplayLanguage;
import cn.gov.jgsw.domain.people.api.DisplayLanguageChangedEvent;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The personal settings of one person (个人设置), one aggregate per person, created by the first change.
 * It belongs to the person's bureau for good: a command naming another bureau is answered as if the settings did not
 * exist.
 * <p>
 * Command handlers answer with the aggregate's version after the command, so the edge can wait until the read model
 * has caught up with it (read-your-writes).
 */
@AggregateRoot
public class PersonalSettings {

    @AggregateIdentifier
    private String userId;
    private String tenantId;
    private DisplayLanguage language;

    /** For Axon, which rebuilds the aggregate from its events. */
    protected PersonalSettings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ChangeDisplayLanguageCommand command) {
        if (command.language() == null) {
            throw new BusinessRuleViolation(CommonErrorCode.INVALID_INPUT, "language is required");
        }
        if (tenantId != null && !tenantId.equals(command.tenantId())) {
            throw new ObjectNotFoundException("personal settings " + command.userId() + " not in tenant " + command.tenantId());
        }
        if (command.language() == language) {
            // Nothing changes, so nothing is recorded: the audit trail holds changes, not repeated requests.
            return getVersion();
        }
        apply(new DisplayLanguageChangedEvent(command.userId(), command.tenantId(), command.language()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(DisplayLanguageChangedEvent event) {
        this.userId = event.userId();
        this.tenantId = event.tenantId();
        this.language = event.language();
    }
}
