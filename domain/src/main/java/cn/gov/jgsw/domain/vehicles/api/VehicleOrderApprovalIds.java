package cn.gov.jgsw.domain.vehicles.api;

/**
 * The approval an order goes through is named after the order and its submission, so anybody can find it: the first
 * submission's is {@code approval-<order>}, a resubmission's {@code approval-<order>-<n>}.
 */
public final class VehicleOrderApprovalIds {

    private VehicleOrderApprovalIds() {
    }

    public static String of(String orderId, int submission) {
        return submission <= 1 ? "approval-" + orderId : "approval-" + orderId + "-" + submission;
    }
}
