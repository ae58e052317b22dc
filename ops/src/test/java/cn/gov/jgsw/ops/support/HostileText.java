package cn.gov.jgsw.ops.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * Text that has no place in a record, for every free-text field of the API: written into the JSON body as escapes,
 * so that even a lone surrogate arrives as such. {@value #TOO_LONG} stands for 501 Chinese characters, one more than
 * the longest free-text field (a service request's description) allows.
 */
public final class HostileText {

    public static final String TOO_LONG = "TOO_LONG";
    private static final String PLACEHOLDER = "HOSTILE_TEXT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileText() {
    }

    /** For {@code @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")}. */
    public static List<String> samples() {
        return List.of("a\\u0000b", "two\\nlines", "lone \\ud800 surrogate", "evil\\u202Etxt.exe", "bom\\ufeff",
                "zero\\u200bwidth", "private\\ue000use", TOO_LONG);
    }

    /** The value to put where the field goes: {@link #PLACEHOLDER}, replaced by {@link #body}. */
    public static String placeholder() {
        return PLACEHOLDER;
    }

    /** The request body of the operation with the sample in place of every {@link #placeholder()}. */
    public static String body(String operation, Map<String, Object> variables, String sample) {
        String jsonText = sample.equals(TOO_LONG) ? "字".repeat(501) : sample;
        try {
            return JSON.writeValueAsString(Map.of("query", GraphQlClient.operation(operation), "variables", variables))
                    .replace(PLACEHOLDER, jsonText);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
