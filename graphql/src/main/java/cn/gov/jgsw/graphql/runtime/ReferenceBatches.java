package cn.gov.jgsw.graphql.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves a reference field (a person, a vehicle) for a whole list of parents in one look-up per bureau, for
 * {@code @BatchMapping}s: no N+1. Parents without a reference, or whose reference is not found in their bureau, map to
 * nothing (the field is null).
 */
public final class ReferenceBatches {

    private ReferenceBatches() {
    }

    /** Finds the objects of one bureau among the given ids, by id. */
    @FunctionalInterface
    public interface LookUp<T> {
        Map<String, T> find(String tenantId, List<String> ids);
    }

    public static <P, T> Map<P, T> resolve(List<P> parents, Function<P, String> tenantOf, Function<P, String> reference,
                                           LookUp<T> lookUp) {
        Map<P, T> result = new HashMap<>();
        parents.stream().collect(Collectors.groupingBy(tenantOf)).forEach((tenantId, ofTenant) -> {
            List<String> ids = ofTenant.stream().map(reference).filter(Objects::nonNull).distinct().toList();
            if (ids.isEmpty()) {
                return;
            }
            Map<String, T> found = lookUp.find(tenantId, ids);
            for (P parent : ofTenant) {
                T value = reference.apply(parent) == null ? null : found.get(reference.apply(parent));
                if (value != null) {
                    result.put(parent, value);
                }
            }
        });
        return result;
    }
}
