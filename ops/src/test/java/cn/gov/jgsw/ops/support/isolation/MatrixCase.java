package cn.gov.jgsw.ops.support.isolation;

import java.util.Map;
import java.util.TreeMap;

/**
 * One request of the matrix: a caller, an operation and the ids it is sent with. {@code slot} is the id pointed at the
 * target bureau (the other ids are the caller's own); null when the operation takes no id or the target is the
 * caller's own bureau.
 *
 * @param permitted true if the caller may act on the target (own bureau; a supervisor reading below), false if the
 *                  request must be answered exactly like one naming an id that does not exist
 */
record MatrixCase(Caller caller, GeneratedOperation operation, Relation relation, String targetBureau, IdSlot slot,
                  Map<String, String> ids, boolean permitted) {

    String targetId() {
        return slot == null ? null : ids.get(slot.path());
    }

    /** The same request with another id in the target's slot. */
    Map<String, String> idsWith(String id) {
        Map<String, String> changed = new TreeMap<>(ids);
        changed.put(slot.path(), id);
        return changed;
    }

    /**
     * Cases that differ only in the target id share their "not found" answers: the fuzzed requests are the same for
     * all of them.
     */
    String shape() {
        Map<String, String> others = new TreeMap<>(ids);
        others.remove(slot.path());
        return caller.login() + " " + operation.field() + " " + slot.path() + " " + others;
    }

    @Override
    public String toString() {
        String target = relation == null ? "(no id)"
                : relation + " " + targetBureau + (slot == null ? " " + ids : " " + slot.path() + "=" + targetId()
                + (ids.size() > 1 ? " with own " + others() : ""));
        return operation.field() + " as " + caller + " → " + target;
    }

    private Map<String, String> others() {
        Map<String, String> others = new TreeMap<>(ids);
        others.remove(slot.path());
        return others;
    }
}
