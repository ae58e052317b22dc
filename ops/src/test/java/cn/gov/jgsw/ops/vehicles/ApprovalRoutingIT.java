package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.domain.approvals.api.RouteApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.SubjectType;
import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.ops.support.PlatformIT;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing is idempotent: a process killed after its approval was stored but before its position was handles the
 * event again (ADR 0019), and the second routing of the same approval does nothing instead of failing the process's
 * unit of work on the approval's taken identifier.
 */
class ApprovalRoutingIT extends PlatformIT {

    @Autowired
    CommandGateway commands;

    @Test
    void routingAnApprovalAgainDoesNothing() {
        String approvalId = "approval-routed-twice-" + UUID.randomUUID();
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        RouteApprovalCommand route = new RouteApprovalCommand(approvalId, "bureau-zunyi", SubjectType.VEHICLE_ORDER,
                "order-routed-twice", "user-zunyi-civil-servant", "用车 测试", start, start.plusSeconds(3600), null);
        MetaData actor = MetaData.from(Map.of(AuditMetadataKeys.TENANT_ID, "bureau-zunyi",
                AuditMetadataKeys.USER_ID, "user-zunyi-civil-servant"));

        commands.sendAndWait(GenericCommandMessage.asCommandMessage(route).withMetaData(actor));
        long stored = storedEventsOf(approvalId);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(route).withMetaData(actor));

        assertThat(stored).as("the first routing submits the approval").isPositive();
        assertThat(storedEventsOf(approvalId)).as("the second changes nothing").isEqualTo(stored);
    }
}
