package cn.gov.jgsw.domain.property.api;

import cn.gov.jgsw.domain.shared.api.ErrorCode;

/** Why property services refused a command. Stable: the app branches on these. */
public enum PropertyErrorCode implements ErrorCode {
    /** Building, room or description is empty, too long or not plain text; or the category or urgency is missing. */
    INVALID_SERVICE_REQUEST,
    /** The step is not possible in the request's current status (e.g. confirming work that is not finished). */
    INVALID_SERVICE_TRANSITION,
    /** Only the staff member the request is assigned to may start or finish it. */
    NOT_THE_ASSIGNEE,
    /** A cost is a whole number of fen from 1 to 100,000,000 (1 million yuan), with a note of up to 200 characters. */
    INVALID_COST_QUOTE,
    /** Only the person who asked may confirm or reopen. */
    NOT_THE_REQUESTER,
    /** A rating is a whole number from 1 to 5. */
    INVALID_RATING,
    /** A photo is a JPEG or PNG image of at most 1 MiB. */
    INVALID_PHOTO,
    /** A request holds at most 3 photos. */
    TOO_MANY_PHOTOS,
    /** Targets: an emergency within 1 to 24 hours, urgent within 1 to 5 working days, normal within urgent to 10. */
    INVALID_SERVICE_LEVELS;

    @Override
    public String code() {
        return name();
    }
}
