package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ErrorCode;
import cn.gov.jgsw.domain.shared.api.FreeText;

/** The reason a step needs (retiring a vehicle, withdrawing a supplier): required, plain text, at most 200 characters. */
final class Reasons {

    static final int LONGEST_REASON = 200;

    private Reasons() {
    }

    /** The reason as {@link FreeText} keeps it; blank is {@code REASON_REQUIRED}, unfit text the given code. */
    static String required(String text, ErrorCode invalid) {
        String reason = FreeText.optional(text, LONGEST_REASON, invalid, "reason");
        if (reason == null) {
            throw VehicleOrder.refused(CommonErrorCode.REASON_REQUIRED, "no reason");
        }
        return reason;
    }
}
