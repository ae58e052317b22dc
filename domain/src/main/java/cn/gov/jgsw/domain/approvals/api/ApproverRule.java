package cn.gov.jgsw.domain.approvals.api;

/**
 * Who approves at a step of a policy: everybody of the bureau holding a role, or one named person. Roles are resolved
 * to persons when a request is submitted, so a request knows its approvers by id.
 *
 * @param role   a role name of the bureau (e.g. {@code APPROVER}), or null
 * @param person a person's internal id, or null; exactly one of the two is given
 */
public record ApproverRule(String role, String person) {

    public static ApproverRule role(String role) {
        return new ApproverRule(role, null);
    }

    public static ApproverRule person(String userId) {
        return new ApproverRule(null, userId);
    }

    public boolean valid() {
        return (role == null) != (person == null) && !(role != null ? role : person).isBlank();
    }
}
