package cn.gov.jgsw.graphql.approvals;

import cn.gov.jgsw.domain.approvals.api.ApprovalDelegatedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestSubmittedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalStepCompletedEvent;
import cn.gov.jgsw.graphql.updates.MyUpdate;
import cn.gov.jgsw.graphql.updates.MyUpdate.UpdateKind;
import cn.gov.jgsw.graphql.updates.UpdatesOfAContext;
import cn.gov.jgsw.projections.approvals.api.ApprovalView;
import cn.gov.jgsw.projections.approvals.api.FindApprovalQuery;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * An approval waiting for someone reaches their phone: the first step's approvers when it is submitted, a delegate,
 * and the next step's approvers when a step completes (read from the approvals view, which holds the steps from the
 * approval's first event on).
 */
@Component
class ApprovalUpdates implements UpdatesOfAContext {

    private final QueryGateway queries;

    ApprovalUpdates(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<MyUpdate> of(EventMessage<?> event) {
        Instant at = event.getTimestamp();
        if (event.getPayload() instanceof ApprovalRequestSubmittedEvent submitted) {
            return waiting(submitted.tenantId(), submitted.approvalId(), submitted.steps().get(0).approverIds(), at);
        }
        if (event.getPayload() instanceof ApprovalDelegatedEvent delegated) {
            return waiting(delegated.tenantId(), delegated.approvalId(), List.of(delegated.delegateId()), at);
        }
        if (event.getPayload() instanceof ApprovalStepCompletedEvent completed) {
            return queries.query(new FindApprovalQuery(completed.tenantId(), completed.approvalId()),
                            ResponseTypes.optionalInstanceOf(ApprovalView.class)).join()
                    .filter(approval -> completed.stepIndex() + 1 < approval.steps().size())
                    .map(approval -> waiting(approval.tenantId(), approval.id(),
                            approval.steps().get(completed.stepIndex() + 1).approverIds(), at))
                    .orElse(List.of());
        }
        return List.of();
    }

    private static List<MyUpdate> waiting(String tenantId, String approvalId, List<String> approvers, Instant at) {
        return approvers.stream().map(approver -> new MyUpdate(tenantId, approver, UpdateKind.APPROVAL_WAITING,
                approvalId, "PENDING", at)).toList();
    }
}
