package cn.gov.jgsw.projections.approvals;

import cn.gov.jgsw.domain.approvals.api.ApprovalConditions;
import cn.gov.jgsw.domain.approvals.api.ApprovalPolicySetEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalStepPlan;
import cn.gov.jgsw.domain.approvals.api.ApproverRule;
import cn.gov.jgsw.domain.approvals.api.PolicyStep;
import cn.gov.jgsw.domain.approvals.api.SignOff;
import cn.gov.jgsw.domain.approvals.api.SubjectType;
import cn.gov.jgsw.projections.approvals.api.ApprovalPolicyView;
import cn.gov.jgsw.projections.approvals.api.ApprovalRoute;
import cn.gov.jgsw.projections.approvals.api.FindApprovalPolicyQuery;
import cn.gov.jgsw.projections.approvals.api.FindApprovalRouteQuery;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.Role;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps {@code approval_policies}, one document per bureau and kind of subject at its current version, and answers the
 * route a new request takes: the unconditional steps and the conditional ones the subject meets, roles resolved to
 * the bureau's people who hold them today. A bureau without a policy routes to any one of its approvers
 * ({@link ApprovalRoute#PLATFORM_DEFAULT}). Index: unique {@code {tenantId: 1, subjectType: 1}}.
 */
@Component
@ProcessingGroup(ApprovalPolicyProjection.PROCESSING_GROUP)
public class ApprovalPolicyProjection {

    public static final String PROCESSING_GROUP = "approval-policies";
    static final PolicyStep DEFAULT_STEP = new PolicyStep("审批", List.of(ApproverRule.role(Role.APPROVER.name())),
            SignOff.ANY, null);

    private final MongoCollection<Document> policies;
    private final PersonDirectory people;

    public ApprovalPolicyProjection(MongoDatabase platformDatabase, PersonDirectory people) {
        this.policies = platformDatabase.getCollection("approval_policies");
        this.people = people;
        policies.createIndex(Indexes.ascending("tenantId", "subjectType"), new IndexOptions().unique(true));
    }

    @EventHandler
    void on(ApprovalPolicySetEvent event, @SequenceNumber long sequence) {
        Document current = policies.find(Filters.eq("_id", event.policyId())).first();
        if (current != null && current.getLong("version") >= sequence) {
            return;
        }
        List<Document> steps = event.steps().stream().map(step -> new Document("name", step.name())
                .append("approvers", step.approvers().stream().map(rule -> new Document("role", rule.role())
                        .append("person", rule.person())).toList())
                .append("signOff", step.signOff().name())
                .append("onlyWhen", step.onlyWhen())).toList();
        policies.replaceOne(Filters.eq("_id", event.policyId()), new Document("_id", event.policyId())
                        .append("tenantId", event.tenantId())
                        .append("subjectType", event.subjectType().name())
                        .append("steps", steps)
                        .append("version", sequence),
                new ReplaceOptions().upsert(true));
    }

    @QueryHandler
    Optional<ApprovalPolicyView> handle(FindApprovalPolicyQuery query) {
        return Optional.ofNullable(policies.find(Filters.and(Filters.eq("tenantId", query.tenantId()),
                        Filters.eq("subjectType", query.subjectType().name()))).first())
                .map(document -> new ApprovalPolicyView(document.getString("tenantId"),
                        SubjectType.valueOf(document.getString("subjectType")), steps(document),
                        document.getLong("version")));
    }

    @QueryHandler
    ApprovalRoute handle(FindApprovalRouteQuery query) {
        Optional<ApprovalPolicyView> policy = handle(new FindApprovalPolicyQuery(query.tenantId(), query.subjectType()));
        List<PolicyStep> steps = policy.map(ApprovalPolicyView::steps).orElse(List.of(DEFAULT_STEP));
        List<ApprovalStepPlan> route = new ArrayList<>();
        for (PolicyStep step : steps) {
            if (ApprovalConditions.applies(step.onlyWhen(), query.conditions(), query.costFen())) {
                route.add(new ApprovalStepPlan(step.name(), approvers(query.tenantId(), step.approvers()),
                        step.signOff()));
            }
        }
        return new ApprovalRoute(policy.map(ApprovalPolicyView::version).orElse(ApprovalRoute.PLATFORM_DEFAULT),
                route);
    }

    /** The people a step's rules name today: role holders of the bureau, and named persons of the bureau. */
    private List<String> approvers(String tenantId, List<ApproverRule> rules) {
        Set<String> ids = new LinkedHashSet<>();
        for (ApproverRule rule : rules) {
            if (rule.role() != null) {
                Arrays.stream(Role.values()).filter(role -> role.name().equals(rule.role())).findFirst()
                        .ifPresent(role -> ids.addAll(people.idsWithRole(tenantId, role)));
            } else if (people.findPerson(tenantId, rule.person()).isPresent()) {
                ids.add(rule.person());
            }
        }
        return List.copyOf(ids);
    }

    private static List<PolicyStep> steps(Document policy) {
        return policy.getList("steps", Document.class).stream().map(step -> new PolicyStep(step.getString("name"),
                step.getList("approvers", Document.class).stream().map(rule -> new ApproverRule(
                        rule.getString("role"), rule.getString("person"))).toList(),
                SignOff.valueOf(step.getString("signOff")), step.getString("onlyWhen"))).toList();
    }
}
