package cn.gov.jgsw.ops.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The input of a mutation as the app sends it: a fresh idempotency key and the given fields. */
public final class MutationInputs {

    private MutationInputs() {
    }

    /** A mutable map, so that a test may add a null or change a field afterwards. */
    public static Map<String, Object> withKey(Object... pairs) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("idempotencyKey", UUID.randomUUID().toString());
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }
}
