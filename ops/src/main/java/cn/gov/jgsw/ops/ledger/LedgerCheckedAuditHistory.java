package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.domain.audit.api.AuditErrorCode;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.projections.audit.api.AuditEventPage;
import cn.gov.jgsw.projections.audit.api.AuditEventView;
import cn.gov.jgsw.projections.audit.api.AuditFilter;
import cn.gov.jgsw.projections.audit.api.AuditHistory;
import cn.gov.jgsw.projections.audit.api.EventIntegrity;
import cn.gov.jgsw.projections.audit.api.ObjectStateView;

import java.time.Instant;
import java.util.List;

/**
 * The record as supervisors read it, every event checked against the audit ledger before it is shown
 * ({@link LedgerCheck}): an altered event is shown as it is stored now, marked {@link EventIntegrity#ALTERED}, and a
 * state replayed from one is refused ({@code RECORD_ALTERED}) rather than presented as fact.
 */
public class LedgerCheckedAuditHistory implements AuditHistory {

    private final AuditHistory stored;
    private final LedgerCheck check;

    public LedgerCheckedAuditHistory(AuditHistory stored, LedgerCheck check) {
        this.stored = stored;
        this.check = check;
    }

    @Override
    public AuditEventPage events(String tenantId, AuditFilter filter, Long afterPosition, int pageSize) {
        AuditEventPage page = stored.events(tenantId, filter, afterPosition, pageSize);
        return new AuditEventPage(check.checked(page.events()), page.hasMore());
    }

    @Override
    public List<AuditEventView> history(String tenantId, String objectId) {
        return check.checked(stored.history(tenantId, objectId));
    }

    @Override
    public ObjectStateView stateAsOf(String tenantId, String objectId, Instant at) {
        ObjectStateView state = AuditHistory.super.stateAsOf(tenantId, objectId, at);
        boolean restsOnAnAlteredEvent = history(tenantId, objectId).stream()
                .filter(event -> !event.occurredAt().isAfter(at))
                .anyMatch(event -> event.integrity() == EventIntegrity.ALTERED);
        if (restsOnAnAlteredEvent) {
            throw new BusinessRuleViolation(AuditErrorCode.RECORD_ALTERED, "state of " + objectId + " of " + tenantId
                    + " as of " + at + " rests on an altered event");
        }
        return state;
    }
}
