package cn.gov.jgsw.ops.support.isolation;

/** What an operation does to the bureau it names: a Query field reads, a Mutation field writes. */
public enum Access {
    READ,
    WRITE
}
