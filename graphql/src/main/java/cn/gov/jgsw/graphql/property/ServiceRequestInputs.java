package cn.gov.jgsw.graphql.property;

import cn.gov.jgsw.domain.property.api.ServiceCategory;
import cn.gov.jgsw.domain.property.api.Urgency;

/** The inputs of the property-service mutations, as the SDL declares them. */
public final class ServiceRequestInputs {

    private ServiceRequestInputs() {
    }

    public record RequestPropertyServiceInput(String idempotencyKey, ServiceCategory category, String building, String room,
                                       String description, Urgency urgency) {
    }

    public record AcceptServiceRequestInput(String idempotencyKey, String requestId, String assigneeId) {
    }

    public record StartServiceWorkInput(String idempotencyKey, String requestId) {
    }

    public record FinishServiceWorkInput(String idempotencyKey, String requestId, String note) {
    }

    public record QuoteServiceCostInput(String idempotencyKey, String requestId, long costFen, String note) {
    }

    public record ConfirmServiceRequestInput(String idempotencyKey, String requestId, int rating, String comment) {
    }

    public record ReopenServiceRequestInput(String idempotencyKey, String requestId, String reason) {
    }

    public record SetServiceLevelTargetsInput(String idempotencyKey, int emergencyWithinHours, int urgentWorkingDays,
                                              int normalWorkingDays) {
    }
}
