package cn.gov.jgsw.ops.ledger;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.List;

/**
 * {@code ledgerIntegrity} on the operators' console: DOWN while any event a supervisor read was found altered against
 * the audit ledger, with where each one stands; each is checked again at every look, so one restored from a copy
 * clears. An altered legal record is an incident: the operator acts at once (docs/operations.md).
 */
public class LedgerIntegrityHealth implements HealthIndicator {

    private final LedgerCheck check;

    public LedgerIntegrityHealth(LedgerCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        List<LedgerCheck.Altered> altered = check.stillAltered();
        if (altered.isEmpty()) {
            return Health.up().build();
        }
        return Health.down().withDetail("alteredEvents", altered.size())
                .withDetail("altered", altered.stream().limit(20).map(found -> found.tenantId() + " position "
                        + found.position() + " (" + found.eventId() + "): " + found.why()).toList())
                .build();
    }
}
