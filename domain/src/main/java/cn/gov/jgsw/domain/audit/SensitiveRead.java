package cn.gov.jgsw.domain.audit;

import cn.gov.jgsw.domain.audit.api.AuditErrorCode;
import cn.gov.jgsw.domain.audit.api.RecordSensitiveReadCommand;
import cn.gov.jgsw.domain.audit.api.SensitiveDataReadEvent;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.FreeText;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One recorded sensitive read (查阅记录). Created once and never changed: the record of who looked at what, and why,
 * is part of the audit trail like any other event.
 */
@AggregateRoot
public class SensitiveRead {

    static final int LONGEST_PURPOSE = 200;

    @AggregateIdentifier
    private String readId;

    /** For Axon, which rebuilds the aggregate from its events. */
    protected SensitiveRead() {
    }

    @CommandHandler
    SensitiveRead(RecordSensitiveReadCommand command) {
        FreeText.Checked purpose = FreeText.check(command.purpose(), LONGEST_PURPOSE);
        if (purpose.refused() || purpose.blank()) {
            throw new BusinessRuleViolation(AuditErrorCode.PURPOSE_REQUIRED,
                    "read of " + command.what() + " without a valid purpose");
        }
        apply(new SensitiveDataReadEvent(command.readId(), command.tenantId(), command.readerId(), command.what(),
                purpose.text()));
    }

    @EventSourcingHandler
    void on(SensitiveDataReadEvent event) {
        this.readId = event.readId();
    }
}
