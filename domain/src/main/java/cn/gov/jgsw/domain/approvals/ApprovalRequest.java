package cn.gov.jgsw.domain.approvals;

import cn.gov.jgsw.domain.approvals.api.ApprovalDelegatedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalErrorCode;
import cn.gov.jgsw.domain.approvals.api.ApprovalGivenEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestApprovedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestRejectedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestReturnedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestSubmittedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestWithdrawnEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalStepCompletedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalStepPlan;
import cn.gov.jgsw.domain.approvals.api.DecideApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.DelegateApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.SignOff;
import cn.gov.jgsw.domain.approvals.api.SubjectType;
import cn.gov.jgsw.domain.approvals.api.SubmitApprovalRequestCommand;
import cn.gov.jgsw.domain.approvals.api.WithdrawApprovalRequestCommand;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One approval request (审批单): a subject before its approvers, step by step. At the current step, the approvers who
 * still have to act are "waiting"; joint sign-off (会签) completes the step when nobody is waiting any more, any-one
 * sign-off (或签) with the first approval. A rejection ends the request, a return sends it back to the requester, the
 * requester may withdraw it while it is open. An approver may hand their part of the current step to another person of
 * the bureau.
 */
@AggregateRoot
public class ApprovalRequest {

    static final int LONGEST_TEXT = 200;

    @AggregateIdentifier
    private String approvalId;
    private String tenantId;
    private SubjectType subjectType;
    private String subjectId;
    private String requesterId;
    private List<ApprovalStepPlan> steps;
    private int currentStep;
    private boolean open;
    /** Approvers of the current step who have not approved yet. */
    private final Set<String> waiting = new LinkedHashSet<>();
    /** Delegate → the approver they act for, at the current step. */
    private final Map<String, String> actingFor = new HashMap<>();
    /** Approvers of the current step who handed their part to a delegate, and so no longer act themselves. */
    private final Set<String> handedOver = new HashSet<>();

    /** For Axon, which rebuilds the aggregate from its events. */
    protected ApprovalRequest() {
    }

    @CommandHandler
    ApprovalRequest(SubmitApprovalRequestCommand command) {
        if (command.steps() == null || command.steps().isEmpty()) {
            throw new BusinessRuleViolation(ApprovalErrorCode.NO_ELIGIBLE_APPROVER, "no steps");
        }
        for (ApprovalStepPlan step : command.steps()) {
            boolean someoneElse = step.approverIds() != null && step.approverIds().stream()
                    .anyMatch(approver -> approver != null && !approver.equals(command.requesterId()));
            if (!someoneElse || step.signOff() == null) {
                throw new BusinessRuleViolation(ApprovalErrorCode.NO_ELIGIBLE_APPROVER, "step " + step.name());
            }
        }
        // Nobody approves their own request: the requester is taken out of every step.
        List<ApprovalStepPlan> steps = command.steps().stream().map(step -> new ApprovalStepPlan(step.name(),
                step.approverIds().stream().filter(id -> !id.equals(command.requesterId())).distinct().toList(),
                step.signOff())).toList();
        String summary = FreeText.required(command.summary(), LONGEST_TEXT, CommonErrorCode.INVALID_INPUT, "summary");
        apply(new ApprovalRequestSubmittedEvent(command.approvalId(), command.tenantId(), command.subjectType(),
                command.subjectId(), command.requesterId(), summary, command.policyVersion(), steps));
    }

    @CommandHandler
    long handle(DecideApprovalCommand command) {
        requireTenant(command.tenantId());
        requireOpen();
        String actsFor = requireApprover(command.deciderId());
        if (command.decision() == null) {
            throw new BusinessRuleViolation(CommonErrorCode.INVALID_INPUT, "no decision");
        }
        switch (command.decision()) {
            case APPROVE -> approve(command.deciderId(), actsFor,
                    FreeText.optional(command.comment(), LONGEST_TEXT, CommonErrorCode.INVALID_INPUT, "comment"));
            case REJECT -> apply(new ApprovalRequestRejectedEvent(approvalId, tenantId, subjectType, subjectId,
                    currentStep, command.deciderId(), requiredReason(command.comment())));
            case RETURN -> apply(new ApprovalRequestReturnedEvent(approvalId, tenantId, subjectType, subjectId,
                    currentStep, command.deciderId(), requiredReason(command.comment())));
        }
        return getVersion();
    }

    private void approve(String deciderId, String actsFor, String comment) {
        apply(new ApprovalGivenEvent(approvalId, tenantId, currentStep, deciderId,
                actsFor.equals(deciderId) ? null : actsFor, comment));
        boolean stepDone = steps.get(currentStep).signOff() == SignOff.ANY || waiting.isEmpty();
        if (!stepDone) {
            return;
        }
        int completed = currentStep;
        apply(new ApprovalStepCompletedEvent(approvalId, tenantId, completed));
        if (completed == steps.size() - 1) {
            apply(new ApprovalRequestApprovedEvent(approvalId, tenantId, subjectType, subjectId, deciderId));
        }
    }

    @CommandHandler
    long handle(DelegateApprovalCommand command) {
        requireTenant(command.tenantId());
        requireOpen();
        requireApprover(command.delegatorId());
        String delegate = command.delegateId();
        boolean alreadyActing = steps.get(currentStep).approverIds().contains(delegate)
                || actingFor.containsKey(delegate);
        if (delegate == null || delegate.isBlank() || delegate.equals(requesterId) || alreadyActing) {
            throw new BusinessRuleViolation(ApprovalErrorCode.INVALID_DELEGATE, "delegate " + delegate);
        }
        apply(new ApprovalDelegatedEvent(approvalId, tenantId, currentStep, command.delegatorId(), delegate));
        return getVersion();
    }

    @CommandHandler
    long handle(WithdrawApprovalRequestCommand command) {
        requireTenant(command.tenantId());
        if (!requesterId.equals(command.requesterId())) {
            throw new BusinessRuleViolation(ApprovalErrorCode.NOT_THE_REQUESTER, "withdraw by " + command.requesterId());
        }
        requireOpen();
        apply(new ApprovalRequestWithdrawnEvent(approvalId, tenantId, subjectType, subjectId, requesterId));
        return getVersion();
    }

    /** The approver the decider acts for (themselves, or whom they stand in for); refuses anybody else. */
    private String requireApprover(String userId) {
        if (actingFor.containsKey(userId)) {
            String delegator = actingFor.get(userId);
            if (waiting.contains(delegator) || steps.get(currentStep).signOff() == SignOff.ANY) {
                return delegator;
            }
        } else if (waiting.contains(userId) && !handedOver.contains(userId)) {
            return userId;
        }
        throw new BusinessRuleViolation(ApprovalErrorCode.NOT_AN_APPROVER, userId + " at step " + currentStep);
    }

    private static String requiredReason(String text) {
        String reason = FreeText.optional(text, LONGEST_TEXT, CommonErrorCode.INVALID_INPUT, "reason");
        if (reason == null) {
            throw new BusinessRuleViolation(CommonErrorCode.REASON_REQUIRED, "decision without reason");
        }
        return reason;
    }

    private void requireTenant(String commandTenantId) {
        if (!commandTenantId.equals(tenantId)) {
            throw new ObjectNotFoundException("approval " + approvalId + " not in tenant " + commandTenantId);
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new BusinessRuleViolation(ApprovalErrorCode.APPROVAL_CLOSED, "approval " + approvalId);
        }
    }

    private void startStep(int index) {
        currentStep = index;
        waiting.clear();
        actingFor.clear();
        handedOver.clear();
        waiting.addAll(steps.get(index).approverIds());
    }

    @EventSourcingHandler
    void on(ApprovalRequestSubmittedEvent event) {
        approvalId = event.approvalId();
        tenantId = event.tenantId();
        subjectType = event.subjectType();
        subjectId = event.subjectId();
        requesterId = event.requesterId();
        steps = event.steps();
        open = true;
        startStep(0);
    }

    @EventSourcingHandler
    void on(ApprovalGivenEvent event) {
        waiting.remove(event.onBehalfOf() == null ? event.approverId() : event.onBehalfOf());
    }

    @EventSourcingHandler
    void on(ApprovalDelegatedEvent event) {
        actingFor.put(event.delegateId(), event.delegatorId());
        handedOver.add(event.delegatorId());
    }

    @EventSourcingHandler
    void on(ApprovalStepCompletedEvent event) {
        if (event.stepIndex() + 1 < steps.size()) {
            startStep(event.stepIndex() + 1);
        }
    }

    @EventSourcingHandler
    void on(ApprovalRequestApprovedEvent event) {
        open = false;
    }

    @EventSourcingHandler
    void on(ApprovalRequestRejectedEvent event) {
        open = false;
    }

    @EventSourcingHandler
    void on(ApprovalRequestReturnedEvent event) {
        open = false;
    }

    @EventSourcingHandler
    void on(ApprovalRequestWithdrawnEvent event) {
        open = false;
    }
}
