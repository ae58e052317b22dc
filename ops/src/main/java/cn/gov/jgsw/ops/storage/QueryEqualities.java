package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a query of the embedded store fixes to one plain value (a string, number or boolean): directly, with
 * {@code $eq}, or in a clause of {@code $and}; and the plain values a field's {@code $in} allows. The indexes of
 * {@link EmbeddedH2Backend} answer by these, and the server applies the whole query to what they name, so anything else
 * in the query (ranges, {@code $or}) only narrows the answer.
 */
final class QueryEqualities {

    private QueryEqualities() {
    }

    static Map<String, Object> of(Document query) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        collect(query, equalities);
        return equalities;
    }

    /**
     * The values of the field's {@code $in}, directly or in a clause of {@code $and}, if each is a plain value; null
     * if the query has no such condition.
     */
    static List<Object> anyOf(Document query, String field) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            if (condition.getKey().equals("$and") && condition.getValue() instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    List<Object> values = clause instanceof Document part ? anyOf(part, field) : null;
                    if (values != null) {
                        return values;
                    }
                }
            } else if (condition.getKey().equals(field) && condition.getValue() instanceof Document operators
                    && operators.size() == 1 && operators.get("$in") instanceof List<?> values
                    && values.stream().allMatch(QueryEqualities::isPlain)) {
                return List.copyOf(values);
            }
        }
        return null;
    }

    private static boolean isPlain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static void collect(Document query, Map<String, Object> into) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.equals("$and") && value instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document part) {
                        collect(part, into);
                    }
                }
            } else if (!field.startsWith("$")) {
                Object equal = value instanceof Document operators && operators.size() == 1
                        ? operators.get("$eq") : value;
                if (isPlain(equal)) {
                    into.putIfAbsent(field, equal);
                }
            }
        }
    }
}
