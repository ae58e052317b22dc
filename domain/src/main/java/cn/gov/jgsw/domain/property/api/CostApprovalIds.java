package cn.gov.jgsw.domain.property.api;

/** The approval a quoted cost goes through is named after the request and the quote, so anybody can find it. */
public final class CostApprovalIds {

    private CostApprovalIds() {
    }

    public static String of(String requestId, int quoteNumber) {
        return "approval-" + requestId + "-cost-" + quoteNumber;
    }
}
