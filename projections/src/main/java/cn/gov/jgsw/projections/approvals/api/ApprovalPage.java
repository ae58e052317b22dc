package cn.gov.jgsw.projections.approvals.api;

import java.util.List;

public record ApprovalPage(List<ApprovalView> approvals, boolean hasMore) {
}
