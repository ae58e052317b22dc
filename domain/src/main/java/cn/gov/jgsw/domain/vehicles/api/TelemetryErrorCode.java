package cn.gov.jgsw.domain.vehicles.api;

import cn.gov.jgsw.domain.shared.api.ErrorCode;

/**
 * Why a batch of positions was refused. A batch is taken whole or not at all; the answer lists every refused position
 * with its index and one of the position codes below. Stable: integrators branch on these.
 */
public enum TelemetryErrorCode implements ErrorCode {
    /** The batch was refused; {@code extensions.positions} lists each refused position and why. */
    INVALID_POSITIONS,
    /** A batch holds 1 to 1,000 positions. */
    BATCH_TOO_LARGE,
    /** A field is missing or out of range: accuracy 0–10,000 m, speed 0–250 km/h. */
    INVALID_POSITION,
    /** Latitude or longitude out of range, not a number, or exactly 0/0 (a terminal without a fix). */
    IMPOSSIBLE_COORDINATES,
    /** The position's time is more than 2 minutes ahead of the platform's clock. */
    POSITION_IN_FUTURE,
    /** The position is older than the bureau keeps tracks. */
    POSITION_TOO_OLD,
    /** No vehicle of the caller's bureau has this id (another bureau's vehicle is answered the same). */
    UNKNOWN_VEHICLE;

    @Override
    public String code() {
        return name();
    }
}
