package cn.gov.jgsw.domain.shared.api;

/**
 * A stable, machine-readable reason for a refusal. The code is part of the mobile contract: clients branch on it,
 * so it never changes once released. Messages for people are looked up by the code in zh-CN and en at the edge.
 */
public interface ErrorCode {

    /** The stable code, upper snake case, e.g. {@code NOT_FOUND}. */
    String code();
}
