package cn.gov.jgsw.ops.support.isolation;

/**
 * One violation of isolation found by the matrix: one request breaking one rule (an answer with three foreign ids is
 * one leak, listing the three).
 *
 * @param rule   which rule it breaks: a foreign id in the answer, an answer unlike "not found", something stored
 * @param request the request, as sent
 * @param detail what exactly was wrong
 * @param answer the answer received
 */
public record Leak(String rule, MatrixCase request, String detail, Answer answer) {

    static final String FOREIGN_ID = "foreign id in answer";
    static final String UNLIKE_NOT_FOUND = "answer unlike not found";
    static final String STORED = "cross-tenant request stored events";
    static final String STORED_ELSEWHERE = "write stored outside the caller's bureau";

    public String operation() {
        return request.operation().field();
    }

    @Override
    public String toString() {
        return "[" + rule + "] " + request + ": " + detail + "\n      answer: " + answer;
    }
}
