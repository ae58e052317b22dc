package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a query of the embedded store fixes to one plain value (a string, number or boolean): directly, with
 * {@code $eq}, or in a clause of {@code $and}. The indexes of {@link EmbeddedH2Backend} answer by these, and the server
 * applies the whole query to what they name, so anything else in the query (ranges, {@code $in}, {@code $or}) only
 * narrows the answer.
 */
final class QueryEqualities {

    private QueryEqualities() {
    }

    static Map<String, Object> of(Document query) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        collect(query, equalities);
        return equalities;
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
                if (equal instanceof String || equal instanceof Number || equal instanceof Boolean) {
                    into.putIfAbsent(field, equal);
                }
            }
        }
    }
}
