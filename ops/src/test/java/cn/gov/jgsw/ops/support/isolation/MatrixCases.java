package cn.gov.jgsw.ops.support.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.TreeMap;

/**
 * The cases of the matrix: every operation × every relation (own, sibling, parent, child) × every id slot × every
 * fixture of the slot's kind in the target bureau × every role. Towards the own bureau, every combination of the own
 * fixtures.
 */
final class MatrixCases {

    private final List<GeneratedOperation> operations;
    private final List<String> roles;
    private final Bureaus bureaus;
    private final Fixtures fixtures;
    private final Set<String> supervisorReads;
    private final MatrixReport report;

    MatrixCases(List<GeneratedOperation> operations, List<String> roles, Bureaus bureaus, Fixtures fixtures,
                Set<String> supervisorReads, MatrixReport report) {
        this.operations = operations;
        this.roles = roles;
        this.bureaus = bureaus;
        this.fixtures = fixtures;
        this.supervisorReads = supervisorReads;
        this.report = report;
    }

    /**
     * The cases of callers of one bureau, operation by operation and target by target, the roles taking turns: a thread
     * working through them sends as each person in turn, which keeps every person far below the API's rate limit.
     */
    List<MatrixCase> of(String callerBureau) {
        Map<Relation, String> relatives = bureaus.relativesOf(callerBureau);
        List<MatrixCase> cases = new ArrayList<>();
        for (GeneratedOperation operation : operations) {
            if (operation.idSlots().isEmpty()) {
                forEachRole(callerBureau, caller -> cases.add(
                        new MatrixCase(caller, operation, null, null, null, Map.of(), true)));
                continue;
            }
            for (Relation relation : Relation.values()) {
                String target = relatives.get(relation);
                if (target == null) {
                    forEachRole(callerBureau, caller -> report.notApplicable(operation,
                            callerBureau + " has no " + relation.name().toLowerCase() + " bureau"));
                } else if (relation == Relation.OWN) {
                    for (Map<String, String> ids : ownCombinations(callerBureau, operation.idSlots())) {
                        forEachRole(callerBureau, caller -> cases.add(
                                new MatrixCase(caller, operation, relation, target, null, ids, true)));
                    }
                } else {
                    towards(callerBureau, operation, relation, target, cases);
                }
            }
        }
        return cases;
    }

    /**
     * Each slot in turn names each of the target's objects of its kind; the other slots name the caller's own first
     * object of their kind (see {@link Fixtures}).
     */
    private void towards(String callerBureau, GeneratedOperation operation, Relation relation, String target,
                         List<MatrixCase> cases) {
        for (IdSlot slot : operation.idSlots()) {
            for (String targetId : fixtures.of(target, slot.kind())) {
                Map<String, String> ids = new TreeMap<>();
                for (IdSlot other : operation.idSlots()) {
                    ids.put(other.path(), other.equals(slot) ? targetId : fixtures.of(callerBureau, other.kind()).get(0));
                }
                forEachRole(callerBureau, caller -> cases.add(new MatrixCase(caller, operation, relation, target, slot,
                        ids, mayRead(caller, operation, target))));
            }
        }
    }

    private void forEachRole(String bureau, Consumer<Caller> action) {
        for (String role : roles) {
            action.accept(new Caller(bureau, role));
        }
    }

    /** The one reach beyond the own bureau: a supervisor reading a bureau at or below their own. */
    boolean mayRead(Caller caller, GeneratedOperation operation, String bureau) {
        return caller.role().equals("SUPERVISOR") && operation.access() == Access.READ
                && supervisorReads.contains(operation.field()) && bureaus.isWithin(bureau, caller.bureau());
    }

    /** Every combination of the caller's own objects for the slots. */
    private List<Map<String, String>> ownCombinations(String bureau, List<IdSlot> slots) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new TreeMap<>());
        for (IdSlot slot : slots) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String id : fixtures.of(bureau, slot.kind())) {
                    Map<String, String> next = new TreeMap<>(combination);
                    next.put(slot.path(), id);
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        return combinations;
    }
}
