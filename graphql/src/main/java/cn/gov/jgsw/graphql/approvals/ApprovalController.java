package cn.gov.jgsw.graphql.approvals;

import cn.gov.jgsw.domain.approvals.api.DecideApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.DelegateApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.WithdrawApprovalRequestCommand;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.graphql.approvals.ApprovalInputs.DecideApprovalInput;
import cn.gov.jgsw.graphql.approvals.ApprovalInputs.DelegateApprovalInput;
import cn.gov.jgsw.graphql.approvals.ApprovalInputs.WithdrawApprovalInput;
import cn.gov.jgsw.graphql.cursors.CursorCodec;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Connection;
import cn.gov.jgsw.projections.approvals.api.ApprovalPage;
import cn.gov.jgsw.projections.approvals.api.ApprovalView;
import cn.gov.jgsw.projections.approvals.api.FindApprovalQuery;
import cn.gov.jgsw.projections.approvals.api.FindPendingApprovalsQuery;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.Optional;

/**
 * The approvals inbox. Who may decide is the approval's business (its current step's approvers, their delegates);
 * an approval the caller may not see at all, or another bureau's, is {@code NOT_FOUND} like a missing id.
 */
@Controller
public class ApprovalController {

    static final int MAX_PAGE = 50;
    static final String INBOX = "approvals/pending";

    private final CommandMutations mutations;
    private final QueryGateway queries;
    private final CursorCodec cursors;
    private final PersonDirectory people;

    public ApprovalController(CommandMutations mutations, QueryGateway queries, CursorCodec cursors,
                              PersonDirectory people) {
        this.mutations = mutations;
        this.queries = queries;
        this.cursors = cursors;
        this.people = people;
    }

    @QueryMapping
    public Connection<ApprovalView> pendingApprovals(@Argument Integer first, @Argument String after,
                                                     Caller caller) {
        int pageSize = Connection.pageSize(first, MAX_PAGE);
        String afterPosition = after == null ? null : cursors.decode(caller, INBOX, after);
        ApprovalPage page = queries.query(new FindPendingApprovalsQuery(caller.tenantId(), caller.userId(),
                afterPosition, pageSize), ApprovalPage.class).join();
        return Connection.of(page.approvals(), approval -> cursors.encode(caller, INBOX, approval.position()),
                page.hasMore(), afterPosition == null);
    }

    @QueryMapping
    public ApprovalView approval(@Argument String id, Caller caller) {
        return find(caller.tenantId(), id).filter(approval -> maySee(caller, approval))
                .orElseThrow(() -> new ObjectNotFoundException("approval " + id));
    }

    @MutationMapping
    public ApprovalPayload decideApproval(@Argument DecideApprovalInput input,
                                          Caller caller) {
        approval(input.approvalId(), caller);
        return mutate(caller, "decideApproval", input.idempotencyKey(), input, input.approvalId(), input.comment(),
                new DecideApprovalCommand(input.approvalId(), caller.tenantId(), caller.userId(), input.decision(),
                        input.comment()));
    }

    @MutationMapping
    public ApprovalPayload delegateApproval(@Argument DelegateApprovalInput input,
                                            Caller caller) {
        approval(input.approvalId(), caller);
        if (input.delegateId() == null || people.findPerson(caller.tenantId(), input.delegateId()).isEmpty()) {
            throw new ObjectNotFoundException("person " + input.delegateId());
        }
        return mutate(caller, "delegateApproval", input.idempotencyKey(), input, input.approvalId(), null,
                new DelegateApprovalCommand(input.approvalId(), caller.tenantId(), caller.userId(),
                        input.delegateId()));
    }

    @MutationMapping
    public ApprovalPayload withdrawApproval(@Argument WithdrawApprovalInput input,
                                            Caller caller) {
        approval(input.approvalId(), caller);
        return mutate(caller, "withdrawApproval", input.idempotencyKey(), input, input.approvalId(), null,
                new WithdrawApprovalRequestCommand(input.approvalId(), caller.tenantId(), caller.userId()));
    }

    private ApprovalPayload mutate(Caller caller, String operation, String key, Object input, String approvalId,
                                   String reason, Object command) {
        return mutations.execute(caller, operation, key, input, reason, command,
                () -> find(caller.tenantId(), approvalId).orElse(null), ApprovalView::version, ApprovalPayload::new,
                ApprovalPayload.class);
    }

    private Optional<ApprovalView> find(String tenantId, String approvalId) {
        return queries.query(new FindApprovalQuery(tenantId, approvalId),
                ResponseTypes.optionalInstanceOf(ApprovalView.class)).join();
    }

    /** Its requester, anybody on its steps or standing in for them, and bureau admins. */
    private static boolean maySee(Caller caller, ApprovalView approval) {
        return approval.requesterId().equals(caller.userId()) || approval.approverIds().contains(caller.userId())
                || approval.waiting().contains(caller.userId()) || caller.hasRole(Role.BUREAU_ADMIN);
    }
}
