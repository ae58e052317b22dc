package cn.gov.jgsw.projections.property.api;

import cn.gov.jgsw.domain.property.api.CostApprovalOutcome;
import cn.gov.jgsw.domain.property.api.ServiceCategory;
import cn.gov.jgsw.domain.property.api.ServiceRequestStatus;
import cn.gov.jgsw.domain.property.api.Urgency;

import java.time.Instant;
import java.util.List;

/**
 * A property service request as the phone shows it.
 *
 * @param costQuotes      the costs the assignee quoted, oldest first, with their approvals' outcomes
 * @param approvedCostFen the sum of the approved costs, in fen
 * @param position        where it stands in the newest-first lists, {@code epochMillis:id} of when it was asked
 */
public record ServiceRequestView(String id, String tenantId, String requesterId, ServiceCategory category,
                                 String building, String room, String description, Urgency urgency,
                                 ServiceRequestStatus status, Instant requestedAt, Instant dueAt, String dueBasis,
                                 String assigneeId, String finishNote, Instant finishedAt, Integer rating,
                                 String confirmComment, String reopenReason, boolean serviceLevelBreached,
                                 List<Photo> photos, List<CostQuote> costQuotes, long approvedCostFen,
                                 String position, long version) {

    /**
     * A cost the assignee quoted (维修费用报价).
     *
     * @param outcome null while its approval is open
     */
    public record CostQuote(int number, long costFen, String note, String approvalId, CostApprovalOutcome outcome,
                            String decisionComment) {
    }

    /** A photo of the request; its bytes are read at {@code /api/photos/{id}}. */
    public record Photo(String id, String contentType, long sizeBytes, String sha256) {
    }
}
