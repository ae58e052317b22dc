package cn.gov.jgsw.ops.support.isolation;

/** Where the bureau an id belongs to stands, seen from the caller's bureau. */
public enum Relation {
    OWN,
    SIBLING,
    PARENT,
    CHILD
}
