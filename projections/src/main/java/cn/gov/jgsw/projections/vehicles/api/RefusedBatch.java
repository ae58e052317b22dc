package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.TelemetryErrorCode;

import java.util.List;

/** A batch refused whole: nothing of it was kept. */
public class RefusedBatch extends RuntimeException {

    /** One refused position: its index in the batch and why. */
    public record Problem(int index, TelemetryErrorCode code) {
    }

    private final TelemetryErrorCode code;
    private final List<Problem> problems;

    public RefusedBatch(TelemetryErrorCode code, List<Problem> problems) {
        super(code.code() + " " + problems);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public TelemetryErrorCode code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }
}
